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

/// The macro's rule table and the runtime's rules agree: every float method with a derivative
/// in [`crate::sema::rules::SCALAR_METHODS`] has a method-form (`m_<name>`) and a path-form
/// (`p_<name>`) function in `tests/scalar_methods.rs`, which checks its generated gradient
/// against a closed form and finite differences at operands of different values (so a rule
/// whose operands the macro passes in the wrong order fails there).
#[test]
fn rules_are_tested() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/scalar_methods.rs");
    let src = std::fs::read_to_string(path).expect("tests/scalar_methods.rs");
    let mut missing = Vec::new();
    for (names, rule) in crate::sema::rules::SCALAR_METHODS {
        if !matches!(rule, crate::sema::rules::MethodRule::Diff { .. }) {
            continue;
        }
        for name in *names {
            for form in [format!("fn m_{name}("), format!("fn p_{name}(")] {
                if !src.contains(&form) {
                    missing.push(form);
                }
            }
            if !src.contains(&format!("f64::{name}(")) || !src.contains(&format!(".{name}(")) {
                missing.push(format!("a call of `{name}` in both forms"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "rules without a generated-code test: {missing:?}"
    );
}

/// Self-recursion is a call of the function itself, not of a same-named function elsewhere.
#[test]
fn self_recursion_by_path() {
    let expand = |src: &str| {
        let f: syn::ItemFn = syn::parse_str(src).unwrap();
        crate::expand(proc_macro2::TokenStream::new(), quote::quote!(#f)).to_string()
    };
    let boxed = |s: &str| s.contains("Box");
    assert!(!boxed(&expand("fn f(x: f64) -> f64 { other::f(x) * 2.0 }")));
    assert!(!boxed(&expand("fn f(x: f64) -> f64 { a::b::f(x) }")));
    assert!(boxed(&expand(
        "fn f(x: f64) -> f64 { if x > 1.0 { f(x - 1.0) } else { x } }"
    )));
    assert!(boxed(&expand(
        "fn f(x: f64) -> f64 { if x > 1.0 { self::f(x - 1.0) } else { x } }"
    )));
    assert!(boxed(&expand(
        "fn f(x: f64) -> f64 { if x > 1.0 { crate::m::f(x - 1.0) } else { x } }"
    )));
}

/// Every `unsafe` block in generated code is one of those listed in `reverse/unchecked.rs`
/// (an element access through one of four runtime helpers), and it sits in the fast copy of
/// a versioned loop: after an `if` whose guard calls `hoist::in_bounds`.
#[test]
fn unsafe_blocks_are_the_listed_guarded_ones() {
    const LISTED: &[&str] = &[
        "index_unchecked",
        "index_unchecked_mut",
        "acc_index_unchecked",
        "take_index_unchecked",
        "get_index_unchecked",
    ];
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/expand");
    let mut blocks = 0;
    for entry in std::fs::read_dir(&dir).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if !name.ends_with(".rs") || name.ends_with(".expanded.rs") {
            continue;
        }
        let text = expand_file(&std::fs::read_to_string(entry.path()).unwrap());
        let mut from = 0;
        while let Some(at) = text[from..].find("unsafe {") {
            let (before, after) = text.split_at(from + at);
            let body = &after["unsafe {".len()..];
            let call = body
                .trim_start()
                .trim_start_matches("::ad_runtime::__private::");
            assert!(
                LISTED.iter().any(|f| call.starts_with(&format!("{f}("))),
                "{name}: an unsafe block that is not a listed access: {}",
                &body[..body.len().min(120)]
            );
            // The nearest enclosing versioning guard precedes it.
            assert!(
                before.rfind("hoist::in_bounds").is_some(),
                "{name}: an unsafe access before any guard"
            );
            blocks += 1;
            from += at + "unsafe {".len();
        }
    }
    assert!(
        blocks > 20,
        "the snapshots exercise the unchecked accesses ({blocks})"
    );
}

/// Every array method with a rule in `rules::tensor_method` is exercised through generated
/// code by the array tests (`tests/tensors.rs`, `tensor_regressions.rs`, `trust.rs`), which
/// check it against finite differences: a rule the macro calls with its operands in the wrong
/// order (or with a runtime rule of another meaning) fails there. The names are read from the
/// source of `tensor_method` itself, so a new rule cannot escape the check.
#[test]
fn tensor_rules_are_tested() {
    let src = include_str!("sema/rules.rs");
    let start = src.find("pub fn tensor_method(").unwrap();
    let end = start + src[start..].find("\n}\n").unwrap();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests");
    let tests: String = ["tensors.rs", "tensor_regressions.rs", "trust.rs"]
        .iter()
        .map(|f| std::fs::read_to_string(root.join(f)).unwrap())
        .collect();
    let mut missing = Vec::new();
    for name in src[start..end].split('"').skip(1).step_by(2) {
        if name.starts_with("acc_") {
            continue; // in-place accumulation helpers, not methods
        }
        assert!(crate::sema::rules::tensor_method(name).is_some(), "{name}");
        // `fold_axis_max` / `fold_axis_min` are what `fold_axis` with a max / min becomes.
        let (method, marker) = match name {
            "fold_axis_max" => ("fold_axis", ".max("),
            "fold_axis_min" => ("fold_axis", ".min("),
            m => (m, ""),
        };
        let called =
            tests.contains(&format!(".{method}(")) || tests.contains(&format!(".{method}::<"));
        if !called || !tests.contains(marker) {
            missing.push(name);
        }
    }
    assert!(
        missing.is_empty(),
        "array rules without a generated-code test: {missing:?}"
    );
}

/// The module graph of the crate docs holds: `ir` depends on nothing else in the crate,
/// `sema` only on `ir` and `ctxt`, `front` on those and `sema`, each mode's backend
/// (`reverse`, `forward`) on those and `codegen`, never on the other mode. Read from the sources' `crate::` paths.
#[test]
fn module_graph_has_no_cycles() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let allowed: &[(&str, &[&str])] = &[
        ("ctxt", &[]),
        ("ir", &[]),
        ("sema", &["ir", "ctxt"]),
        ("front", &["sema", "ir", "ctxt"]),
        ("codegen", &["front", "ir"]),
        ("reverse", &["codegen", "front", "sema", "ir", "ctxt"]),
        ("forward", &["codegen", "front", "sema", "ir", "ctxt"]),
        (
            "nest",
            &["reverse", "codegen", "front", "sema", "ir", "ctxt"],
        ),
        (
            "custom",
            &["reverse", "forward", "nest", "codegen", "front"],
        ),
        ("method", &[]),
        ("selfcheck", &["codegen", "front"]),
        ("split", &["codegen", "front", "reverse"]),
        ("derive", &["ir"]),
        // The driver's `transform`, run once per instantiation; the front end's
        // `strip_checkpoint` for the instantiated primal.
        ("generic", &["transform", "front"]),
    ];
    fn files(p: &std::path::Path, out: &mut Vec<PathBuf>) {
        if p.is_dir() {
            for e in std::fs::read_dir(p).unwrap().flatten() {
                files(&e.path(), out);
            }
        } else if p.is_file() && p.extension().is_some_and(|e| e == "rs") {
            out.push(p.to_path_buf());
        }
    }
    let mut bad = Vec::new();
    for (module, deps) in allowed {
        let mut fs = Vec::new();
        files(&src.join(module), &mut fs);
        files(&src.join(format!("{module}.rs")), &mut fs);
        assert!(!fs.is_empty(), "{module}");
        for f in fs {
            let text = std::fs::read_to_string(&f).unwrap();
            for (i, _) in text.match_indices("crate::") {
                let rest = &text[i + "crate::".len()..];
                let used: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                    .collect();
                let line = text[..i].lines().last().unwrap_or("");
                if used.is_empty() || used == *module || line.trim_start().starts_with("//") {
                    continue;
                }
                if !deps.contains(&used.as_str()) {
                    bad.push(format!("{} uses crate::{used}", f.display()));
                }
            }
        }
    }
    assert!(bad.is_empty(), "module graph violated: {bad:#?}");
}

/// Prints the expansion of the file named by `AD_EXPAND` (a debugging aid:
/// `AD_EXPAND=f.rs cargo test -p ad-macros expand_env -- --ignored --nocapture`).
#[test]
#[ignore]
fn expand_env_file() {
    if let Ok(p) = std::env::var("AD_EXPAND") {
        println!("{}", expand_file(&std::fs::read_to_string(p).unwrap()));
    }
}

/// Times the expansion of the file named by `AD_EXPAND` (a debugging aid).
#[test]
#[ignore]
fn time_env_file() {
    if let Ok(p) = std::env::var("AD_EXPAND") {
        let src = std::fs::read_to_string(p).unwrap();
        let t = std::time::Instant::now();
        let out = expand_file(&src);
        let total = t.elapsed();
        // The macro alone, as rustc runs it: token streams in and out, no printing.
        let file: syn::File = syn::parse_str(&src).expect("input parses");
        let mut macro_only = std::time::Duration::ZERO;
        for item in file.items {
            if let syn::Item::Fn(mut f) = item
                && let Some(pos) = f
                    .attrs
                    .iter()
                    .position(|a| a.path().is_ident("differentiable"))
            {
                let attr = f.attrs.remove(pos);
                let args = match attr.meta {
                    syn::Meta::List(l) => l.tokens,
                    _ => proc_macro2::TokenStream::new(),
                };
                let input = quote::quote!(#f);
                let t = std::time::Instant::now();
                std::hint::black_box(crate::expand(args, input));
                macro_only += t.elapsed();
            }
        }
        println!(
            "expanded in {:?}: {} lines (the macro alone: {:?})",
            total,
            out.lines().count(),
            macro_only
        );
    }
}
