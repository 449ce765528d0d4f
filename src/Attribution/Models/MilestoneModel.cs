namespace Attribution.Models;

/// <summary>Credit by funnel milestone: a weight per milestone place (M0 the first touch, Mi the last touch before stage i,
/// the conversion's own last touch), and a rest weight split evenly over the touches that hold no milestone.</summary>
/// <remarks>
/// A touch that holds several milestones gets the sum of their weights; a missing milestone gives nothing, and the
/// engine's scaling to 1 renormalises what is left. Places beyond the model's weights (M3 for W-shaped) and places
/// whose stage has no weight count as rest. The rest weight is dropped when every touch holds a milestone.
/// </remarks>
internal sealed class MilestoneModel : IAttributionModel
{
    private readonly double[] places;
    private readonly double rest;
    private readonly MilestoneModelOptions? byName;

    /// <param name="name">The model's name.</param>
    /// <param name="places">The weight of each milestone place; NaN for a place that is no milestone.</param>
    /// <param name="rest">The weight shared by the touches that are no milestone.</param>
    /// <param name="byName">The weights by stage name, resolved against the run's stages when bound; null when <paramref name="places"/> are fixed.</param>
    public MilestoneModel(string name, double[] places, double rest, MilestoneModelOptions? byName = null)
    {
        Name = name;
        this.places = places;
        this.rest = rest;
        this.byName = byName;
    }

    public string Name { get; }

    /// <summary>Gets the weight of each milestone place (NaN: no milestone, the touch counts as rest), for explanations; a
    /// bound model's, resolved against the run's stages.</summary>
    internal IReadOnlyList<double> Places => places;

    /// <summary>Gets the weight shared by the touches that hold no milestone.</summary>
    internal double Rest => rest;

    public IAttributionModel Bind(ModelBindingArguments arguments)
    {
        if (arguments.Stages.Count == 0)
        {
            throw new InvalidOperationException(
                $"The {Name} model credits funnel milestones and needs the funnel's stages: set AttributionOptions.Stages (in the CLI, --stages lead,opportunity,order).");
        }

        if (byName is null)
        {
            return this;
        }

        // Place 0 is the first touch; place i the last touch before stage i of the run's funnel.
        var resolved = new double[arguments.Stages.Count + 1];
        resolved[0] = byName.First;
        for (var i = 1; i < resolved.Length; i++)
        {
            resolved[i] = byName.Stages.TryGetValue(arguments.Stages[i - 1], out var weight) ? weight : double.NaN;
        }

        foreach (var stage in byName.Stages.Keys)
        {
            if (!arguments.Stages.Contains(stage))
            {
                throw new InvalidOperationException(
                    $"The {Name} model has a weight for '{stage}', which is no stage of the funnel ({string.Join(", ", arguments.Stages)}).");
            }
        }

        return new MilestoneModel(Name, resolved, rest);
    }

    public void ComputeWeights(in EligibleTouchpoints touchpoints, Span<double> weights)
    {
        var milestones = touchpoints.Milestones;
        if (milestones.IsEmpty || byName is not null)
        {
            throw new InvalidOperationException($"The {Name} model needs milestones: run it through the engine with funnel stages (AttributionOptions.Stages).");
        }

        // NaN marks a touch that holds no milestone yet; the rest weight goes to those left marked.
        weights.Fill(double.NaN);
        var count = Math.Min(milestones.Length, places.Length);
        for (var i = 0; i < count; i++)
        {
            var at = milestones[i];
            if (at < 0 || double.IsNaN(places[i]))
            {
                continue;
            }

            weights[at] = double.IsNaN(weights[at]) ? places[i] : weights[at] + places[i];
        }

        var others = 0;
        foreach (var w in weights)
        {
            others += double.IsNaN(w) ? 1 : 0;
        }

        var share = others == 0 ? 0 : rest / others;
        for (var i = 0; i < weights.Length; i++)
        {
            if (double.IsNaN(weights[i]))
            {
                weights[i] = share;
            }
        }
    }
}
