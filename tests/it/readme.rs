//! Every `console` example of README.md is run and its output compared: the
//! README shows real output. `TRYCMD=overwrite cargo test readme` rewrites them.

#[test]
fn readme_examples_are_real_output() {
    trycmd::TestCases::new()
        .env("COLUMNS", "100")
        .case("README.md");
}
