using System.Text.Json;
using Attribution.Cli.Commands;
using Attribution.DataDriven;
using Attribution.Models;

namespace Attribution.Cli.Models;

/// <summary>Loads a fitted model saved by <c>attribution fit --save</c>, telling the kinds apart by the marker each writes.</summary>
/// <remarks>A Markov chain's JSON has <c>"format": "attribution.markov"</c>, a Shapley model's <c>"model": "shapley"</c>;
/// each kind is recognised by its top-level marker before it is read, so a file of one kind is never half-read as another.</remarks>
internal static class ModelFile
{
    private const string MarkovFormat = "attribution.markov";
    private const string ShapleyKind = "shapley";

    /// <summary>The largest model file loaded: 256 MiB, some hundred times a 3,000-channel Markov chain's, so a wrong or
    /// hostile file ends in a clear error before it is read into memory.</summary>
    internal const long MaxFileBytes = 256L << 20;

    /// <summary>Reads and parses the file.</summary>
    /// <exception cref="CliException">The file is missing, unreadable, larger than <see cref="MaxFileBytes"/>, not JSON, or
    /// not a saved model (exit code 1).</exception>
    public static IAttributionModel Load(string option, string path)
    {
        InputFile.RequireFile(option, path);
        string json;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.Length > MaxFileBytes)
            {
                throw CliException.BadData($"{option}: '{path}' is {stream.Length >> 20} MiB; a saved model may be at most {MaxFileBytes >> 20} MiB.");
            }

            using var reader = new StreamReader(stream);
            json = reader.ReadToEnd();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw CliException.BadData($"{option}: file '{path}' does not exist.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw CliException.BadData($"{option}: cannot read '{path}': {e.Message}");
        }

        string kind;
        try
        {
            kind = Kind(json);
        }
        catch (JsonException e)
        {
            throw CliException.BadData($"{option}: '{path}' is not JSON: {e.Message}");
        }

        IAttributionModel model;
        try
        {
            model = kind switch
            {
                "markov" => MarkovModel.FromJson(json),
                "shapley" => ShapleyModel.FromJson(json),
                _ => throw CliException.BadData($"{option}: '{path}' is not a saved model; expected the JSON that 'attribution fit --save' writes (a Markov chain has \"format\": \"{MarkovFormat}\", a Shapley model \"model\": \"{ShapleyKind}\")."),
            };
        }
        catch (JsonException e)
        {
            throw CliException.BadData($"{option}: '{path}' is not a valid saved {kind} model: {e.Message}");
        }

        // A model learnt from one kind's paths credits only that kind; the conversions of other kinds are left unattributed
        // under it, and the credit report leaves their blocks out.
        return ConversionKind(json) is { } conversion
            ? new PerKindModel(model.Name, new Dictionary<string, IAttributionModel>(StringComparer.Ordinal) { [conversion] = model }, fromFile: true)
            : model;
    }

    /// <summary>Records in a saved model's JSON the conversion kind it learnt from, as the top-level <c>"conversion"</c>.</summary>
    public static string WithConversionKind(string json, string kind)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node["conversion"] = kind;
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static string? ConversionKind(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("conversion", out var kind) && kind.ValueKind == JsonValueKind.String ? kind.GetString() : null;
    }

    private static string Kind(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return string.Empty;
        }

        if (root.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String && format.GetString() == MarkovFormat)
        {
            return "markov";
        }

        if (root.TryGetProperty("model", out var model) && model.ValueKind == JsonValueKind.String && model.GetString() == ShapleyKind)
        {
            return "shapley";
        }

        return string.Empty;
    }
}
