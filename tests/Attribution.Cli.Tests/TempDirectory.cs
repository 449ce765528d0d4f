namespace Attribution.Cli.Tests;

/// <summary>A fresh directory per test class instance, deleted afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("attribution-cli-tests-").FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string contents)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, contents);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
