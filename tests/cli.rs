//! The headless commands, run as a user would run them.

use std::process::Command;

fn claimdesk() -> Command {
    Command::new(env!("CARGO_BIN_EXE_claimdesk"))
}

#[test]
fn new_then_show_lists_title_and_claims() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.ron");
    let out = claimdesk()
        .args(["new", "seeds/000_fbe1c6965b98e3ec.txt", "-o"])
        .arg(&session)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = claimdesk().arg("show").arg(&session).output().unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "To spy on the Taliban, Putin offers Washington his bases\n"
    );

    claimdesk::store::save_session(&session, &claimdesk::sample::sample_session(), None).unwrap();
    let out = claimdesk().arg("show").arg(&session).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 7);
    assert_eq!(
        lines[1],
        "#1\tMostly true\t1 source\tThe Kremlin has offered Washington the use of its military bases in Central Asia"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("#4\tHalf true\t2 sources\t"))
    );
}

#[test]
fn bad_files_exit_1_with_one_line_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8]); 4] = [
        ("empty.ron", b""),
        ("binary.ron", b"\x89PNG\r\n\x1a\n\0\0\0"),
        (
            "truncated.ron",
            b"(format_version: 1, scheme: (id: \"default\", name: \"x\"",
        ),
        ("newer.ron", b"(format_version: 999)"),
    ];
    for (name, bytes) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = claimdesk().arg("show").arg(&path).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{name}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{name}: {stderr}");
        assert!(stderr.contains(name), "{name}: {stderr}");
        assert!(out.stdout.is_empty());
    }
    let out = claimdesk()
        .arg("show")
        .arg(dir.path().join("missing.ron"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn new_refuses_a_binary_article_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, b"\0\0\0\x01").unwrap();
    let session = dir.path().join("s.ron");
    let out = claimdesk()
        .arg("new")
        .arg(&article)
        .arg("-o")
        .arg(&session)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("binary"));
    assert!(!session.exists());
}
