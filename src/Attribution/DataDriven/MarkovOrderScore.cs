namespace Attribution.DataDriven;

/// <summary>How well a chain of one order predicts conversions of paths it was not fitted on.</summary>
/// <param name="Order">The order k.</param>
/// <param name="StateCount">The channel states of the chain fitted on all paths (start, conversion and null not counted).</param>
/// <param name="Auc">Out-of-sample area under the ROC curve of P(last state → conversion), weighted by path counts; 0.5 is chance.</param>
/// <param name="PenalizedAuc">1 − (1 − AUC)·(N − 1)/(N − S − 1) with N the number of walks and S <paramref name="StateCount"/>; 0 when that leaves [0, 1].</param>
public sealed record MarkovOrderScore(int Order, int StateCount, double Auc, double PenalizedAuc);
