import Foundation
import QuarryEngine

/// Group commit in scripts: with `Database.groupsCommits`, statements are journaled without
/// waiting for the disk, and their results are held here; every 256 statements, 50 ms or 1 MB of
/// results the journal is synced and the results shown. A result is never shown before its
/// statement is on the disk, and a script of small writes does not wait for the disk each time.
extension Session {
    /// On for scripts, off for the interactive shell (turning it off shows what was held).
    public var groupsCommits: Bool {
        get { database.groupsCommits }
        set {
            if !newValue { settle() }
            database.groupsCommits = newValue
        }
    }

    /// Shows results, or holds them while statements are journaled and not yet synced.
    func show(_ text: String) {
        guard database.hasUnsyncedCommits || !heldOutput.isEmpty else { return output(text) }
        if heldOutput.isEmpty { heldSince = DispatchTime.now().uptimeNanoseconds }
        heldOutput += text
    }

    /// After a statement: syncs and shows what is held once enough has gathered.
    func settleIfDue() {
        guard database.hasUnsyncedCommits else { return settle() }
        if heldStatements == 0 && heldOutput.isEmpty { heldSince = DispatchTime.now().uptimeNanoseconds }
        heldStatements += 1
        let waited = DispatchTime.now().uptimeNanoseconds - heldSince
        if heldStatements >= 256 || heldOutput.utf8.count >= 1 << 20 || waited >= 50_000_000 { settle() }
    }

    /// Syncs the journal, then shows what was held. If the sync fails, the held results are not
    /// shown (their statements are not in the file) and the reason is.
    func settle() {
        let held = heldOutput
        heldOutput = ""
        heldStatements = 0
        do {
            try database.syncJournal()
            if !held.isEmpty { output(held) }
        } catch {
            errorOutput("quarry: \(error.message)\n")
        }
    }
}
