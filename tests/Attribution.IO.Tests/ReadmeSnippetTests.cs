using System.Text;
using System.Text.RegularExpressions;
using Attribution.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Attribution.IO.Tests;

/// <summary>Compiles every <c>csharp</c> code block of the READMEs as a reader would meet it: with the <c>using</c>
/// lines shown so far in that README (and a console app's implicit usings), so a snippet that needs an unshown
/// namespace, or an API that changed, fails here instead of in a user's editor.</summary>
public sealed partial class ReadmeSnippetTests
{
    // Variables the prose says the reader already has; a block that uses one without declaring it gets it as a parameter.
    private static readonly (string Name, string Type)[] Context =
    [
        ("journeySet", "global::Attribution.Journeys.JourneySet"),
        ("journeys", "global::Attribution.Journeys.JourneySet"),
        ("journey", "global::Attribution.Journeys.Journey"),
        ("options", "global::Attribution.Engine.AttributionOptions"),
        ("csv", "string"),
        ("cancellationToken", "global::System.Threading.CancellationToken"),
    ];

    // What `dotnet new console` turns on.
    private static readonly string[] ImplicitUsings = ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    public static TheoryData<string> Readmes => new() { "README.md", "src/Attribution/README.md", "src/Attribution.IO/README.md" };

    [Theory]
    [MemberData(nameof(Readmes))]
    public void EveryCodeBlock_CompilesWithTheUsingsShown(string readme)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), readme));
        var usings = new List<string>();
        var source = new StringBuilder();
        var block = 0;
        foreach (Match match in CodeBlock().Matches(text))
        {
            block++;
            var body = new StringBuilder();
            foreach (var line in match.Groups[1].Value.Split('\n'))
            {
                if (UsingLine().IsMatch(line))
                {
                    usings.Add(line.Trim());
                }
                else
                {
                    body.Append(line).Append('\n');
                }
            }

            var code = body.ToString();
            var parameters = Context
                .Where(c => Regex.IsMatch(code, $@"\b{c.Name}\b") && !Regex.IsMatch(code, $@"(var|[A-Z][\w<>,. ]*)\s+{c.Name}\s*="))
                .Select(c => $"{c.Type} {c.Name}");
            source.Append($"namespace Snippets{block}\n{{\n{string.Join('\n', usings.Distinct())}\n");
            source.Append($"internal static class Block{block}\n{{\n#line 1 \"{readme} block {block}\"\n");
            source.Append($"internal static void Run({string.Join(", ", parameters)})\n{{\n{code}\n}}\n}}\n}}\n");
        }

        block.Should().BeGreaterThan(0, $"{readme} should have C# examples");
        var errors = Compile(source.ToString());

        errors.Should().BeEmpty();
    }

    private static List<string> Compile(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(
            string.Join('\n', ImplicitUsings.Select(static u => $"global using {u};")) + "\n" + source,
            new CSharpParseOptions(LanguageVersion.Latest));
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Concat([typeof(AttributionEngine).Assembly.Location, typeof(EventLogCsvReader).Assembly.Location])
            .Distinct()
            .Select(static path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "ReadmeSnippets",
            [tree],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return
        [
            .. compilation.GetDiagnostics()
                .Where(static d => d.Severity == DiagnosticSeverity.Error)
                .Select(static d => $"{d.Location.GetMappedLineSpan().Path}:{d.Location.GetMappedLineSpan().StartLinePosition.Line + 1}: {d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}"),
        ];
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Attribution.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (with Attribution.sln) was not found above the test's folder.");
    }

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"^\s*using\s+[\w.]+\s*;\s*$")]
    private static partial Regex UsingLine();
}
