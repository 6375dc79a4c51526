namespace BackendStack.Sandbox;

/// <summary>The checkout the sandbox runs from: the nearest directory holding Operator.sln.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Operator.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("run the sandbox from the repository (no Operator.sln found above the current directory)");
    }
}
