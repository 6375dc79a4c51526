using BackendStack.Operator.Hosting;
using BackendStack.Operator.Runtime.Informers;

namespace BackendStack.Tests.Hosting;

public sealed class NamespaceListTests
{
    [Fact]
    public void ACommaSeparatedListNamesEachNamespaceOnce() =>
        Assert.Equal(["shop", "billing"], NamespaceList.Parse(" shop, billing,,shop "));

    [Fact]
    public void NoValueMeansEveryNamespace()
    {
        Assert.Empty(NamespaceList.Parse(null));
        Assert.Equal([null], new InformerOptions { Namespaces = NamespaceList.Parse(null) }.Scopes);
    }

    [Fact]
    public void EachNamespaceIsAScopeOfItsOwn() =>
        Assert.Equal(["shop", "billing"], new InformerOptions { Namespaces = NamespaceList.Parse("shop,billing") }.Scopes);

    [Theory]
    [InlineData(",")]
    [InlineData("Shop")]
    [InlineData("shop,bad_name")]
    public void InvalidListsAreRejected(string value) => Assert.NotNull(NamespaceList.Problem(value));

    [Fact]
    public void TheCommandLineTakesTheList()
    {
        OperatorOptions? parsed = null;
        var exitCode = OperatorCommandLine.Create((options, _) =>
        {
            parsed = options;
            return Task.FromResult(0);
        }).Parse(["--namespace", "shop,billing"]).Invoke();

        Assert.Equal(0, exitCode);
        Assert.Equal(["shop", "billing"], parsed!.Namespaces);
    }

    [Fact]
    public void TheCommandLineRejectsAnInvalidName()
    {
        var exitCode = OperatorCommandLine.Create((_, _) => Task.FromResult(0)).Parse(["--namespace", "shop,Bad"])
            .Invoke(new System.CommandLine.InvocationConfiguration { Error = new StringWriter(), Output = new StringWriter() });

        Assert.NotEqual(0, exitCode);
    }
}
