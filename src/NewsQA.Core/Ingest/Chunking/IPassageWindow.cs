namespace NewsQA.Core.Ingest.Chunking;

/// <summary>
/// The embedding model's input window as chunking sees it: whether a passage, as the model will be given it
/// (passage prefix and sequence markers included), fits without being truncated. Implemented with the model's
/// own tokenizer, because characters per token vary too much (German through an English WordPiece vocabulary
/// gets far fewer; docs/quality-levers.md, "Characters per model token") for a character budget to be safe.
/// </summary>
public interface IPassageWindow
{
    bool Fits(string passage);
}
