//! Expansion snapshots: `tests/expand/<name>.rs` (at the workspace root) expanded to
//! `tests/expand/<name>.expanded.rs`, so reviewers can read the generated adjoints.
//! Regenerate with `UPDATE_EXPAND=1 cargo test -p ad-macros`, then read the diff.

use std::path::PathBuf;

/// Expands every `#[differentiable]` function of a source file and pretty-prints the result.
fn expand_file(src: &str) -> String {
    let file: syn::File = syn::parse_str(src).expect("snapshot input parses");
    let mut items = Vec::new();
    for item in file.items {
        match item {
            syn::Item::Fn(mut f) => {
                let pos = f
                    .attrs
                    .iter()
                    .position(|a| a.path().is_ident("differentiable"));
                let Some(pos) = pos else {
                    items.push(syn::Item::Fn(f));
                    continue;
                };
                let attr = f.attrs.remove(pos);
                let args = match attr.meta {
                    syn::Meta::List(l) => l.tokens,
                    _ => proc_macro2::TokenStream::new(),
                };
                let out = crate::expand(args, quote::quote!(#f));
                let parsed: syn::File = syn::parse2(out).expect("expansion parses");
                items.extend(parsed.items);
            }
            other => items.push(other),
        }
    }
    prettyplease::unparse(&syn::File {
        shebang: None,
        attrs: vec![],
        items,
    })
}

#[test]
fn expansion_snapshots() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/expand");
    let update = std::env::var_os("UPDATE_EXPAND").is_some();
    let mut failures = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/expand exists")
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let path = entry.path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.ends_with(".rs") || name.ends_with(".expanded.rs") {
            continue;
        }
        let expanded = expand_file(&std::fs::read_to_string(&path).unwrap());
        let snap = path.with_extension("expanded.rs");
        match std::fs::read_to_string(&snap) {
            Ok(old) if old == expanded => {}
            Ok(_) if !update => failures.push(name),
            _ => std::fs::write(&snap, &expanded).unwrap(),
        }
    }
    assert!(
        failures.is_empty(),
        "expansion changed for {failures:?}; rerun with UPDATE_EXPAND=1 and review the diff"
    );
}

mod corpus;
