using Guv.Analysis;

namespace Guv.Tests.Analysis;

public class ConfigKeyEditorTests
{
    [Theory]
    [InlineData("worker: {processing: 10}\n", "worker: {processing: 10, boot: 45}\n")]
    [InlineData("worker: {processing: 10, boot: 30, max: 4}\n", "worker: {processing: 10, boot: 45, max: 4}\n")]
    [InlineData("worker: {}\n", "worker: {boot: 45}\n")]
    [InlineData("'*': {boot: 5}\nworker:\n    processing: 10 # measured\n    max: 4\n",
        "'*': {boot: 5}\nworker:\n    boot: 45\n    processing: 10 # measured\n    max: 4\n")]
    [InlineData("worker:\n  # the slow one\n  boot: 30\n  max: 4\nother: {boot: 1}\n",
        "worker:\n  # the slow one\n  boot: 45\n  max: 4\nother: {boot: 1}\n")]
    [InlineData("worker:\n", "worker:\n  boot: 45\n")]
    public void Set_Boot_ChangesOnlyThatRolesLine(string before, string after)
    {
        Assert.Equal(after, ConfigKeyEditor.Set(before, "worker", "boot", "45"));
    }

    [Fact]
    public void Set_RoleMissing_Throws()
    {
        Assert.Throws<FormatException>(() => ConfigKeyEditor.Set("other: {}\n", "worker", "boot", "45"));
    }
}
