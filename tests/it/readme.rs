//! Every `console` example of README.md is run and its output compared: the
//! README shows real output. `TRYCMD=overwrite cargo test readme -- --test-threads=1` rewrites them
//! (one at a time: several tests write README.md).

use super::dues;

#[test]
fn readme_examples_are_real_output() {
    trycmd::TestCases::new()
        .env("COLUMNS", "100")
        .case("README.md");
}

/// The `json` block after `<!-- summary-json: ARGS -->` is what `dues batch
/// ARGS --summary-json FILE` writes (pretty-printed).
#[test]
fn readme_summary_json_is_real_output() {
    let path = format!("{}/README.md", env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(&path).unwrap();
    let marker = "<!-- summary-json: ";
    let start = readme.find(marker).expect("the summary-json example") + marker.len();
    let args_end = start + readme[start..].find(" -->").unwrap();
    let args: Vec<&str> = readme[start..args_end].split_whitespace().collect();
    let block = args_end + readme[args_end..].find("```json\n").unwrap() + "```json\n".len();
    let block_end = block + readme[block..].find("```").unwrap();

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("summary.json");
    dues()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("batch")
        .args(&args)
        .args(["--summary-json", file.to_str().unwrap()])
        .output()
        .unwrap();
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let shown = serde_json::to_string_pretty(&written).unwrap() + "\n";
    if std::env::var_os("TRYCMD").is_some_and(|v| v == "overwrite") {
        let updated = format!("{}{shown}{}", &readme[..block], &readme[block_end..]);
        std::fs::write(&path, updated).unwrap();
        return;
    }
    assert_eq!(&readme[block..block_end], shown);
}

/// The `text` block after `<!-- guided-session -->` is the screen of a
/// real guided quote, typed in a pseudo-terminal 100 columns wide.
#[test]
fn readme_guided_session_is_real() {
    use super::pty::Session;
    let mut s = Session::spawn(&["quote"]);
    s.expect("Budget annuel :");
    s.answer("1,2 Md€");
    s.expect("Type d’organisation :");
    s.send("conseil r");
    s.expect("Conseil régional");
    s.send("\t");
    s.send("\r");
    s.expect("A-t-elle une stratégie");
    s.answer("oui");
    // The screen once `dues` has ended, not while it still writes.
    let (code, screen) = s.final_screen(100);
    assert_eq!(code, 0, "{screen}");
    replace_block("<!-- guided-session -->", "```text\n", &screen);
}

/// Checks that the block after `marker` (opening with `fence`) holds
/// `expected`, or writes it there under `TRYCMD=overwrite`.
fn replace_block(marker: &str, fence: &str, expected: &str) {
    let path = format!("{}/README.md", env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(&path).unwrap();
    let at = readme.find(marker).expect("the marker") + marker.len();
    let block = at + readme[at..].find(fence).unwrap() + fence.len();
    let block_end = block + readme[block..].find("```").unwrap();
    if std::env::var_os("TRYCMD").is_some_and(|v| v == "overwrite") {
        let updated = format!("{}{expected}{}", &readme[..block], &readme[block_end..]);
        std::fs::write(&path, updated).unwrap();
        return;
    }
    assert_eq!(&readme[block..block_end], expected);
}
