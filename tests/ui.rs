//! Compile-fail UI tests: every construct `#[differentiable]` rejects, with its message
//! pinned in a `.stderr` file (`tests/ui/<category>/<what-breaks>.rs`), and programs that
//! must keep compiling (`tests/ui_pass/`, hygiene). Regenerate the messages with
//! `TRYBUILD=overwrite cargo test --test ui` and read the diff.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*/*.rs");
    t.pass("tests/ui_pass/*.rs");
}
