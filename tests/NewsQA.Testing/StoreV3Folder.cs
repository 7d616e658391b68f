namespace NewsQA.Testing;

/// <summary>
/// tests/TestData/store-v3: a data folder written by the build before collections (schema version 3, the five seeds,
/// lexical only; its README says how). Tests open a copy, never the committed files, since opening upgrades them.
/// </summary>
public static class StoreV3Folder
{
    /// <summary>The seeds' ids, as that build derived them from the file names.</summary>
    public static readonly string[] SeedIds = ["000_74f70624a5986356", "001_23aad25e3376c29a", "002_c3aff394776cafa8", "003_b1145628e41e4b68", "004_6131d308b1147b31"];

    /// <summary>Copies the folder into <paramref name="dataPath"/> (created) and returns it.</summary>
    public static string CopyTo(string dataPath)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "TestData", "store-v3");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "README.md"))
        {
            var target = Path.Combine(dataPath, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return dataPath;
    }
}
