using Summit.Indexer;
using Summit.Engine.Articles;
using Summit.Tests.TestSupport;

namespace Summit.Tests.Articles;

public sealed class PrintableTextTests
{
    [Theory]
    [InlineData("a\nb", @"a\nb")]
    [InlineData("x\r\ty", @"x\r\ty")]
    [InlineData("\u001b[31mred", @"\x1B[31mred")]
    [InlineData("del\u007f c1\u0085", @"del\x7F c1\x85")]
    [InlineData("bidi\u202Etxt.exe line\u2028sep", @"bidi\u202Etxt.exe line\u2028sep")]
    public void Control_characters_are_written_as_escapes(string text, string expected) =>
        Assert.Equal(expected, PrintableText.Escape(text));

    [Fact]
    public void Printable_text_including_non_ascii_letters_is_unchanged()
    {
        const string path = "/data/São Paulo/Łódź – 日本.txt";

        Assert.Equal(path, PrintableText.Escape(path));
    }

    [SkippableTheory]
    [InlineData("index")]
    [InlineData("extract")]
    public void Cli_prints_a_file_name_with_a_newline_on_one_line_so_it_cannot_fake_an_output_line(string command)
    {
        Skip.If(OperatingSystem.IsWindows(), "Windows file names cannot hold a newline");
        using var input = new TempDirectory("summit-input");
        using var output = new TempDirectory("summit-output");
        input.File("good.txt", "Harbour reopens\nThe harbour reopened on Monday.");
        input.File("evil\nfailed: fake.json", "[1]");

        var (exit, stdout, stderr) = command == "index"
            ? IndexerProcess.Run("index", "--input", input.Path, "--index", output.Path)
            : IndexerProcess.Run("extract", "--input", input.Path, "--output", Path.Combine(output.Path, "facts.jsonl"));

        Assert.Equal(ExitCodes.CompletedWithErrors, exit);
        var lines = (stdout + stderr).Split('\n');
        Assert.DoesNotContain(lines, l => l.StartsWith("failed: fake.json"));
        Assert.Contains(lines, l => l.StartsWith($"failed: {input.Path}{Path.DirectorySeparatorChar}evil\\nfailed: fake.json: expected a JSON object"));
    }
}
