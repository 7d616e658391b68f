namespace NewsQA.Storage.Qdrant.Http;

/// <summary>Qdrant's boolean filter; conditions are <see cref="FieldCondition"/>, <see cref="HasIdCondition"/> or <see cref="HasVectorCondition"/>.</summary>
internal sealed record Filter(IReadOnlyList<object>? Must = null, IReadOnlyList<object>? MustNot = null);

/// <summary>A payload condition: exactly one of <see cref="Match"/> or <see cref="Range"/> is set.</summary>
internal sealed record FieldCondition(string Key, object? Match = null, RangeCondition? Range = null);

internal sealed record MatchValue(object Value);

internal sealed record MatchAny(IReadOnlyList<string> Any);

internal sealed record RangeCondition(double? Gte = null, double? Lte = null);

internal sealed record HasIdCondition(IReadOnlyList<Guid> HasId);

internal sealed record HasVectorCondition(string HasVector);
