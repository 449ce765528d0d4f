namespace Attribution.Reports;

/// <summary>What an eligible touch's weight rests on, by the kind of model that gave it.</summary>
public enum CreditReason
{
    /// <summary>No weight: the touch is not eligible.</summary>
    None,

    /// <summary>The touch's position among the eligible touches (first-touch, last-touch, linear, U-shaped, J-shaped, inverse-J).</summary>
    Position,

    /// <summary>The time from the touch to the conversion: weight 2^(−Δt / h) (time-decay).</summary>
    TimeDecay,

    /// <summary>The funnel milestones the touch holds, or the rest weight when it holds none (W-shaped, full-path, milestones).</summary>
    Milestone,

    /// <summary>The removal effect of the touch's channel in a fitted Markov chain.</summary>
    RemovalEffect,

    /// <summary>The Shapley value of the touch's channel in the channel-set game of a fitted Shapley model.</summary>
    ShapleyValue,

    /// <summary>The weight of the touch's channel (the channel-weights model).</summary>
    ChannelWeight,

    /// <summary>The weight another model (a custom or third-party one) wrote for the touch.</summary>
    ModelWeight,
}
