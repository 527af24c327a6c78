package ganstudio.config;

/**
 * The one rule by which a user's name (a run's {@code name}, an ablation's preset name) becomes a folder name,
 * used by every command that makes a folder from a name: characters other than letters, digits, '.', '_' and '-'
 * become '_', so no path separator survives and {@code x/../../y} is the single folder {@code x_.._.._y}. A name
 * that would still be '.', '..' or a hidden folder (a leading '.') is refused, and so is an empty one.
 */
public final class FolderNames {

    private FolderNames() {}

    /**
     * The folder name for {@code name}.
     *
     * @param what the key or option the name came from, for the message
     * @throws UserError when the name is empty or starts with '.'
     */
    public static String of(String name, String what) {
        String folder = name.trim().replaceAll("[^A-Za-z0-9._-]", "_");
        if (folder.isEmpty() || folder.startsWith(".")) {
            throw new UserError(what + " = " + name + " is not allowed: it names a folder, so it must not be empty "
                    + "or start with '.' (letters, digits, '.', '_' and '-'; other characters become '_')");
        }
        return folder;
    }
}
