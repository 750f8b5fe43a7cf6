/** The CHANGELOG.md section under `## <version>` (a leading v accepted), trimmed; undefined if none. */
export function releaseNotes(changelog: string, version: string): string | undefined;
