using System.Diagnostics;
using Attribution.DataDriven;
using Attribution.Engine.Kernels;
using Attribution.Journeys;
using Attribution.Models;
using Attribution.Reports;
using static Attribution.Reports.ExplanationText;

namespace Attribution.Engine;

/// <summary>Explains one journey under one model: the windows of <see cref="EligibilityWindows.ComputeJourney"/> (with
/// why each other touch is out), the weights the bound model writes, and the shares of <see cref="GeneralKernel.TryScale"/>,
/// the same steps as <see cref="OneJourney.Attribute"/>; then each weight's reason, by the kind of model.</summary>
/// <remarks>Not a hot path: plain arrays, and the reasons look the model's parameters up one touch at a time.</remarks>
internal static class JourneyExplainer
{
    /// <summary>A Shapley explanation lists every coalition of a set up to this size (63 rows); beyond it, those worth more than 0.</summary>
    private const int ListAllCoalitionsUpTo = 6;

    public static JourneyExplanation Explain(Journey journey, IAttributionModel model, AttributionOptions options)
    {
        var touches = journey.Touchpoints.AsSpan();
        var conversions = journey.Conversions.AsSpan();
        var n = touches.Length;
        var m = conversions.Length;

        var ticks = new long[n];
        var channels = new int[n];
        var campaigns = new int[n];
        var channelNames = OneJourney.Intern(touches, channels, campaign: false);
        var campaignNames = OneJourney.Intern(touches, campaigns, campaign: true);
        for (var i = 0; i < n; i++)
        {
            ticks[i] = touches[i].Instant.UtcTicks;
        }

        var kinds = new int[m];
        var kindNames = OneJourney.InternKinds(conversions, kinds);
        var rules = EligibilityRules.Resolve(channelNames, kindNames, options);
        var stride = rules.StageCount + 1;
        var conversionTicks = new long[m];
        for (var c = 0; c < m; c++)
        {
            conversionTicks[c] = conversions[c].Instant.UtcTicks;
        }

        var ends = new int[m];
        var starts = new int[m];
        var flags = new byte[m];
        var cuts = new int[m];
        var resetBy = new int[m];
        var milestones = rules.StageCount == 0 ? Array.Empty<int>() : new int[m * stride];
        OneJourney.FindEnds(ticks, conversionTicks, ends);
        EligibilityWindows.ComputeJourney(ticks, channels, conversionTicks, kinds, ends, 0, rules, starts, flags, milestones, cuts, resetBy);

        var bound = model.Bind(new ModelBindingArguments(channelNames, campaignNames, options.Stages));
        var reasons = new Reasons(model, bound, options.Stages);
        var kept = new int[n];
        var keptTicks = new long[n];
        var keptChannels = new int[n];
        var keptCampaigns = new int[n];
        var positions = rules.StageCount == 0 ? Array.Empty<int>() : new int[stride];
        var explained = new ConversionExplanation[m];
        for (var c = 0; c < m; c++)
        {
            var conversion = conversions[c];
            var list = new TouchExplanation[ends[c]];
            if ((flags[c] & EligibilityWindows.OutsidePeriod) != 0)
            {
                for (var t = 0; t < list.Length; t++)
                {
                    list[t] = Out(t, touches[t], conversion, TouchEligibility.ConversionOutsidePeriod, "the conversion is outside the reporting period");
                }

                explained[c] = new ConversionExplanation(c, conversion, ConversionOutcome.OutsidePeriod, list);
                continue;
            }

            var count = EligibilityWindows.Collect(channels, rules.Excluded, starts[c], ends[c], kept);
            var weights = new double[count];
            var shares = new double[count];
            var credited = false;
            if (count > 0)
            {
                for (var i = 0; i < count; i++)
                {
                    keptTicks[i] = ticks[kept[i]];
                    keptChannels[i] = channels[kept[i]];
                    keptCampaigns[i] = campaigns[kept[i]];
                }

                if (positions.Length > 0)
                {
                    OneJourney.MilestonePositions(milestones.AsSpan(c * stride, stride), kept.AsSpan(0, count), positions);
                }

                var eligible = new EligibleTouchpoints(
                    keptTicks.AsSpan(0, count), keptChannels.AsSpan(0, count), keptCampaigns.AsSpan(0, count), conversionTicks[c], conversion.Value, channelNames, campaignNames, positions, kindNames[kinds[c]], trusted: true);
                bound.ComputeWeights(eligible, shares);
                shares.AsSpan().CopyTo(weights);
                credited = GeneralKernel.TryScale(bound.Name, shares);
            }

            var window = new Window(touches, kept.AsSpan(0, count).ToArray(), conversion, rules.StageOfKind?[kinds[c]] ?? 0, positions.ToArray());
            var e = 0;
            for (var t = 0; t < list.Length; t++)
            {
                if (e < count && kept[e] == t)
                {
                    var share = credited ? shares[e] : 0;
                    list[t] = reasons.Explain(window, e, t, weights[e], share, share * conversion.Value);
                    e++;
                    continue;
                }

                list[t] = Ineligible(t, touches, conversions, conversion, c, cuts, resetBy, ends, rules.LookbackByKind[kinds[c]], options.Reset);
            }

            explained[c] = new ConversionExplanation(c, conversion, credited ? ConversionOutcome.Credited : ConversionOutcome.Unattributed, list)
            {
                Coalitions = reasons.Coalitions(window),
            };
        }

        return new JourneyExplanation(journey.Id, model.Name, explained);
    }

    // Before the window: the lookback first (it keeps the touch out whatever the other conversions), then the reset;
    // inside it and still not kept: an excluded channel beside included ones.
    private static TouchExplanation Ineligible(
        int t, ReadOnlySpan<Touchpoint> touches, ReadOnlySpan<Conversion> conversions, Conversion conversion, int c, int[] cuts, int[] resetBy, int[] ends, long lookback, ResetRule reset)
    {
        if (t < cuts[c])
        {
            var age = conversion.Instant - touches[t].Instant;
            return Out(t, touches[t], conversion, TouchEligibility.OutsideLookback, $"Δt {Duration(age)} is more than the {Duration(TimeSpan.FromTicks(lookback))} lookback of {conversion.Kind}");
        }

        var by = resetBy[c];
        if (by >= 0 && t < ends[by])
        {
            var earlier = conversions[by];
            var rule = reset == ResetRule.SameKind ? "same-kind" : "any";
            return Out(t, touches[t], conversion, TouchEligibility.BeforeReset, $"before the reset by the earlier {earlier.Kind} at {Instant(earlier.Instant)} (reset rule {rule})");
        }

        return Out(t, touches[t], conversion, TouchEligibility.ExcludedChannel, $"channel '{touches[t].Channel}' is excluded and other touches are eligible");
    }

    private static TouchExplanation Out(int t, Touchpoint touch, Conversion conversion, TouchEligibility why, string detail)
        => new(t, touch, conversion.Instant - touch.Instant, why, 0, 0, 0, CreditReason.None, detail);

    /// <summary>One conversion's eligible touches, as the reasons need them.</summary>
    /// <param name="touches">The journey's touches.</param>
    /// <param name="kept">The eligible touches' indices, in time order.</param>
    /// <param name="conversion">The conversion.</param>
    /// <param name="stage">The conversion's 1-based stage, 0 when its kind is no stage.</param>
    /// <param name="milestones">Each milestone place's position among the eligible touches (−1: none); empty without stages.</param>
    private readonly ref struct Window(ReadOnlySpan<Touchpoint> touches, int[] kept, Conversion conversion, int stage, int[] milestones)
    {
        public ReadOnlySpan<Touchpoint> Touches { get; } = touches;

        public int[] Kept { get; } = kept;

        public Conversion Conversion { get; } = conversion;

        public int Stage { get; } = stage;

        public int[] Milestones { get; } = milestones;

        public Touchpoint Touch(int e) => Touches[Kept[e]];

        /// <summary>The distinct channels of the eligible touches, in order of first touch.</summary>
        public List<string> ChannelSet()
        {
            var set = new List<string>();
            foreach (var t in Kept)
            {
                if (!set.Contains(Touches[t].Channel))
                {
                    set.Add(Touches[t].Channel);
                }
            }

            return set;
        }
    }

    /// <summary>The reason behind each weight, by the kind of model: what the model's documented rule reads for the touch.</summary>
    private sealed class Reasons
    {
        private readonly IAttributionModel model;
        private readonly IAttributionModel inner;
        private readonly IAttributionModel bound;
        private readonly IReadOnlyList<string> stages;
        private List<string>? shapleySet;
        private double[]? shapleyValues;
        private List<CoalitionValue>? coalitions;

        public Reasons(IAttributionModel model, IAttributionModel bound, IReadOnlyList<string> stages)
        {
            this.model = model;
            this.bound = bound;
            this.stages = stages;
            inner = model;
            while (inner is NamedModel named)
            {
                inner = named.Inner;
            }
        }

        public List<CoalitionValue> Coalitions(Window window)
        {
            if (inner is not ShapleyModel || window.Kept.Length == 0)
            {
                return [];
            }

            Shapley(window);
            return coalitions!;
        }

        public TouchExplanation Explain(Window window, int e, int t, double weight, double share, double value)
        {
            var touch = window.Touch(e);
            var n = window.Kept.Length;
            var explanation = new TouchExplanation(t, touch, window.Conversion.Instant - touch.Instant, TouchEligibility.Eligible, weight, share, value, CreditReason.ModelWeight, string.Empty)
            {
                Position = e + 1,
            };
            switch (inner)
            {
                case FirstTouchModel or LastTouchModel or LinearModel or UShapedModel:
                    var role = n == 1 ? "the only eligible touch" : e == 0 ? "first" : e == n - 1 ? "last" : "middle";
                    var rule = inner switch
                    {
                        FirstTouchModel => "first-touch credits the first touch",
                        LastTouchModel => "last-touch credits the last touch",
                        LinearModel => "linear weighs every touch alike",
                        _ => UShaped(((UShapedModel)inner).Ratios),
                    };
                    return explanation with { Reason = CreditReason.Position, Detail = $"position {e + 1} of {n} ({role}); {rule}" };

                case TimeDecayModel decay:
                    var factor = Math.Pow(2, -(double)explanation.Age.Ticks / decay.HalfLife.Ticks);
                    return explanation with
                    {
                        Reason = CreditReason.TimeDecay,
                        DecayFactor = factor,
                        Detail = $"Δt {Duration(explanation.Age)}, 2^(−Δt/h) = 2^(−{Duration(explanation.Age)} / {Duration(decay.HalfLife)}) = {Number(factor)}",
                    };

                case MilestoneModel:
                    return Milestone(window, e, explanation);

                case MarkovModel markov:
                    var seen = markov.Channels.Contains(touch.Channel);
                    var effect = seen ? markov.GetResult(touch.Channel).RemovalEffect : 0;
                    return explanation with
                    {
                        Reason = CreditReason.RemovalEffect,
                        RemovalEffect = effect,
                        Detail = seen
                            ? $"removal effect of {touch.Channel}: {Number(effect)}"
                            : $"{touch.Channel} was never seen in training: removal effect 0",
                    };

                case ShapleyModel:
                    Shapley(window);
                    var set = shapleySet!;
                    var phi = shapleyValues![set.IndexOf(touch.Channel)];
                    var same = 0;
                    foreach (var k in window.Kept)
                    {
                        same += window.Touches[k].Channel == touch.Channel ? 1 : 0;
                    }

                    return explanation with
                    {
                        Reason = CreditReason.ShapleyValue,
                        ShapleyValue = phi,
                        Detail = $"Shapley value of {touch.Channel} in the game of {{{string.Join(", ", set)}}}: φ = {Number(phi)}; "
                            + $"values clipped at 0 and normalised, {touch.Channel}'s share split over its {same} touch(es)",
                    };

                case ChannelWeightsModel:
                    return explanation with { Reason = CreditReason.ChannelWeight, Detail = $"weight of channel {touch.Channel}: {Number(weight)}" };

                default:
                    return explanation with { Detail = $"weight {Number(weight)} from model {model.Name}" };
            }
        }

        private static string UShaped((double First, double Middle, double Last) r)
            => $"ratios first/middle/last {Number(r.First)}/{Number(r.Middle)}/{Number(r.Last)}";

        private TouchExplanation Milestone(Window window, int e, TouchExplanation explanation)
        {
            var milestone = (MilestoneModel)Unwrap(bound);
            var places = milestone.Places;
            var held = new List<string>();
            var weighted = new List<string>();
            for (var i = 0; i < window.Milestones.Length && i < places.Count; i++)
            {
                if (window.Milestones[i] == e && !double.IsNaN(places[i]))
                {
                    held.Add(Label(window, i));
                    weighted.Add($"{Label(window, i)} ({Number(places[i])})");
                }
            }

            var detail = held.Count > 0
                ? "milestones " + string.Join(" + ", weighted)
                : $"no milestone: shares the rest weight {Number(milestone.Rest)} with the other touches without one";
            return explanation with { Reason = CreditReason.Milestone, Milestones = held, Detail = detail };
        }

        // Place 0 is the first touch; place i of a stage-j conversion the last touch before stage i (i < j) or its own (i = j).
        private string Label(Window window, int place)
            => place == 0 ? "M0 first touch"
                : window.Stage == 0 ? $"M{place} last touch"
                : place < window.Stage ? $"M{place} last touch before the {stages[place - 1]}"
                : $"M{place} last touch before this {stages[place - 1]}";

        private void Shapley(Window window)
        {
            var set = window.ChannelSet();
            if (shapleySet is not null && shapleySet.SequenceEqual(set))
            {
                return;
            }

            (shapleyValues, coalitions) = ((ShapleyModel)inner).Explain(set, ListAllCoalitionsUpTo);
            shapleySet = set;
        }

        private static IAttributionModel Unwrap(IAttributionModel model)
        {
            while (model is NamedModel named)
            {
                model = named.Inner;
            }

            Debug.Assert(model is MilestoneModel, "a milestone model binds to a milestone model");
            return model;
        }
    }
}
