namespace PostureStream.Simulation.Scenarios;

/// <summary>Finds a scenario by built-in name or, failing that, as a JSON file path.</summary>
public static class ScenarioCatalog
{
    /// <summary>Throws <see cref="ScenarioException"/> listing the built-in names when neither fits.</summary>
    public static Scenario Resolve(string nameOrPath)
    {
        if (BuiltInScenarios.TryGet(nameOrPath, out Scenario scenario))
        {
            return scenario;
        }

        if (File.Exists(nameOrPath))
        {
            return ScenarioFile.Load(nameOrPath);
        }

        throw new ScenarioException(
            $"unknown scenario '{nameOrPath}': give a built-in name ({string.Join(", ", BuiltInScenarios.Names.Concat(BuiltInScenarios.Routines))}) or the path of a scenario JSON file");
    }
}
