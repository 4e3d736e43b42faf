//! The command line's own wording of the library's errors.
//!
//! The library says what happened; what to do about it depends on where it is
//! shown. The app offers to open a locked session read-only and keeps unsaved work
//! open; a command has neither, so it says to close the window or wait, and that
//! nothing was changed.

use super::CliError;
use crate::store::{HolderKind, LockError, SaveError, SaveErrorKind};

/// A session lock that could not be taken, for a command.
pub fn lock_error(e: LockError) -> CliError {
    let text = match &e {
        LockError::HeldElsewhere { path, .. } => {
            let holder = e.holder_info();
            let pid = holder
                .as_ref()
                .and_then(|h| h.pid)
                .map(|p| format!("process {p}"));
            let path = path.display();
            match holder.map(|h| h.kind) {
                Some(HolderKind::Window) => format!(
                    "{path} is already open in another Claimdesk window{}; close it there, then run this again. Nothing was changed",
                    pid.map(|p| format!(" ({p})")).unwrap_or_default()
                ),
                Some(HolderKind::Command(c)) => format!(
                    "{path} is being changed by another command (claimdesk {c}{}); run this again when it has finished. Nothing was changed",
                    pid.map(|p| format!(", {p}")).unwrap_or_default()
                ),
                _ => format!(
                    "{path} is in use by another Claimdesk{}; run this again when it has finished. Nothing was changed",
                    pid.map(|p| format!(" ({p})")).unwrap_or_default()
                ),
            }
        }
        LockError::Io { .. } => format!("{e}. Nothing was changed"),
    };
    CliError::from_display(text)
}

/// A save that did not happen, for a command: nothing is open to come back to, so
/// the advice is about running it again.
pub fn save_error(e: SaveError) -> CliError {
    let path = e.path.display();
    let text = match &e.kind {
        SaveErrorKind::ChangedOnDisk | SaveErrorKind::ChangedWhileSaving => format!(
            "{e}. Nothing was written; run the command again to make the change to the new version"
        ),
        SaveErrorKind::AlreadyExists => format!(
            "{path} exists; nothing was written. Give --force to replace it (the old file is kept as {path}.bak), or choose another name"
        ),
        SaveErrorKind::Io(_) => {
            let advice = if e.is_disk_full() {
                "free some disk space and run it again, or write to another folder"
            } else {
                "write to another folder, or fix the folder and run it again"
            };
            format!(
                "Could not save {path}: {}. The previous version of the file is unchanged; {advice}",
                e.reason()
            )
        }
    };
    CliError::from_display(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{LockUser, SessionLock};

    #[test]
    fn lock_messages_name_the_holder_and_never_offer_the_app_s_choices() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.ron");
        let window = SessionLock::acquire(&p).unwrap();
        let e = lock_error(SessionLock::acquire_as(&p, LockUser::Command("edit")).unwrap_err());
        assert!(
            e.0.contains("already open in another Claimdesk window"),
            "{e}"
        );
        assert!(!e.0.contains("read-only"), "{e}");
        drop(window);
        let command = SessionLock::acquire_as(&p, LockUser::Command("reanchor")).unwrap();
        let e = lock_error(SessionLock::acquire_as(&p, LockUser::Command("edit")).unwrap_err());
        assert!(e.0.contains("claimdesk reanchor"), "{e}");
        assert!(!e.0.contains("window"), "{e}");
        drop(command);
    }

    #[test]
    fn save_messages_do_not_speak_of_open_work() {
        let e = SaveError {
            path: "s.ron".into(),
            kind: SaveErrorKind::Io(std::io::Error::from(std::io::ErrorKind::StorageFull)),
        };
        let library = e.to_string();
        assert!(!library.contains("still open"), "{library}");
        let cli = save_error(e).0;
        assert!(
            cli.contains("the disk is full") && cli.contains("unchanged"),
            "{cli}"
        );
        assert!(
            !cli.contains("still open") && !cli.contains("window"),
            "{cli}"
        );
    }
}
