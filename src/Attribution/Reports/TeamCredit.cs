namespace Attribution.Reports;

/// <summary>What one team's campaigns earned under one model for the conversions of one kind, against its target.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Team">The team, or <see cref="TeamReport.UnassignedKey"/> / <see cref="TeamReport.NoCampaignKey"/>.</param>
/// <param name="Parent">The team it belongs to, or <see langword="null"/> for a root and the built-in rows.</param>
/// <param name="Depth">How deep the team sits in the tree: 0 for a root and the built-in rows.</param>
/// <param name="Conversions">The credited conversions (a sum of shares) of touches whose campaign the team or one of its
/// descendants owned at the touch's instant.</param>
/// <param name="Value">The credited value of those touches: the team's own and its descendants'.</param>
/// <param name="OwnConversions">The credited conversions of the campaigns the team itself owned.</param>
/// <param name="OwnValue">The credited value of the campaigns the team itself owned.</param>
/// <param name="Target">The team's target for the period (see <see cref="TeamStructure.TargetFor"/>), or
/// <see langword="null"/> when it has none.</param>
/// <param name="Attainment"><see cref="Value"/> ÷ <see cref="Target"/>, or <see langword="null"/> when the target is 0 or missing.</param>
/// <param name="SiblingShare"><see cref="Value"/> ÷ the value of the team and its siblings (the children of its parent,
/// or the roots), the share for splitting performance pay; <see langword="null"/> for the built-in rows and when the
/// siblings earned nothing.</param>
public sealed record TeamCredit(
    string Model,
    string Team,
    string? Parent,
    int Depth,
    double Conversions,
    double Value,
    double OwnConversions,
    double OwnValue,
    double? Target,
    double? Attainment,
    double? SiblingShare);
