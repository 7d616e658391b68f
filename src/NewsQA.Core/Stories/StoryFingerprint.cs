namespace NewsQA.Core.Stories;

/// <summary>What a store keeps of a document to find its near-copies later: its MinHash signature and its LSH band keys.</summary>
public sealed record StoryFingerprint(StorySignature Signature, IReadOnlyList<StoryBand> Bands);
