using NewsQA.Storage.Qdrant.Tests.Fake.Wire;

namespace NewsQA.Storage.Qdrant.Tests.Fake;

/// <summary>
/// Qdrant's filter semantics on the fake's points, after lib/segment/src/payload_storage/query_checker.rs: every
/// <c>must</c>, no <c>must_not</c>, at least one <c>should</c> if any; match keyword/integer/keywords, range,
/// has_id, has_vector, nested filters; a field condition on a missing field never matches, while is_empty matches a
/// field that is missing, null or an empty list (query_checker.rs, check_is_empty_condition: "no values").
/// </summary>
internal static class FakeFilter
{
    public static bool Matches(Filter? filter, FakePoint point) =>
        filter is null
        || (filter.Must.All(c => Condition(c, point))
            && !filter.MustNot.Any(c => Condition(c, point))
            && (filter.Should.Count == 0 || filter.Should.Any(c => Condition(c, point))));

    private static bool Condition(Condition condition, FakePoint point) => condition.ConditionOneOfCase switch
    {
        Wire.Condition.ConditionOneOfOneofCase.HasId => condition.HasId.HasId.Any(id => FakeIds.Normalize(id) == point.Id),
        Wire.Condition.ConditionOneOfOneofCase.HasVector => point.HasVector(condition.HasVector.HasVector),
        Wire.Condition.ConditionOneOfOneofCase.Filter => Matches(condition.Filter, point),
        Wire.Condition.ConditionOneOfOneofCase.Field => Field(condition.Field, point),
        Wire.Condition.ConditionOneOfOneofCase.IsEmpty => !point.Payload.TryGetValue(condition.IsEmpty.Key, out var v) || Values(v).Count == 0,
        _ => throw FakeErrors.BadInput($"the fake does not support condition {condition.ConditionOneOfCase}"),
    };

    private static bool Field(FieldCondition c, FakePoint point)
    {
        var values = point.Payload.TryGetValue(c.Key, out var v) ? Values(v) : [];
        if (values.Count == 0)
        {
            return false;
        }

        if (c.Match is { } match)
        {
            return match.MatchValueCase switch
            {
                Match.MatchValueOneofCase.Keyword => values.Any(x => x.KindCase == Value.KindOneofCase.StringValue && x.StringValue == match.Keyword),
                Match.MatchValueOneofCase.Integer => values.Any(x => x.KindCase == Value.KindOneofCase.IntegerValue && x.IntegerValue == match.Integer),
                Match.MatchValueOneofCase.Keywords => values.Any(x => x.KindCase == Value.KindOneofCase.StringValue && match.Keywords.Strings.Contains(x.StringValue)),
                _ => throw FakeErrors.BadInput($"the fake does not support match {match.MatchValueCase}"),
            };
        }

        if (c.Range is { } range)
        {
            return values.Any(x => Number(x) is { } n
                && (!range.HasGt || n > range.Gt) && (!range.HasGte || n >= range.Gte)
                && (!range.HasLt || n < range.Lt) && (!range.HasLte || n <= range.Lte));
        }

        throw FakeErrors.BadInput($"the fake does not support the condition on '{c.Key}'");
    }

    private static double? Number(Value v) => v.KindCase switch
    {
        Value.KindOneofCase.IntegerValue => v.IntegerValue,
        Value.KindOneofCase.DoubleValue => v.DoubleValue,
        _ => null,
    };

    private static List<Value> Values(Value v) => v.KindCase switch
    {
        Value.KindOneofCase.NullValue => [],
        Value.KindOneofCase.ListValue => [.. v.ListValue.Values],
        _ => [v],
    };
}
