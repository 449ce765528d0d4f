namespace Attribution.IO;

/// <summary>Options for <see cref="SpendCsvReader"/>.</summary>
public sealed record SpendCsvOptions
{
    /// <summary>Gets the currency of every cost in the file, for example <c>EUR</c>.</summary>
    /// <value>The default value is <see langword="null"/>: the currency is taken from a <c>currency</c> column when the
    /// file has one, and is otherwise left unnamed. When set, a <c>currency</c> column must agree with it on every row.</value>
    public string? Currency { get; init; }

    /// <summary>Gets the field delimiter.</summary>
    /// <value>The default value is a comma.</value>
    public char Delimiter { get; init; } = ',';
}
