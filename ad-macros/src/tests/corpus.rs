//! The macro never panics on valid Rust: every `fn` of a corpus of real crates
//! (`ad-macros/corpus/`, see its README: free functions, methods, trait default methods and
//! nested functions) is expanded, and each expansion must return tokens (possibly a
//! `compile_error!`) that parse as a sequence of items. A panic in a proc macro is reported by
//! rustc as "proc macro panicked" with no useful span, and a stack overflow aborts rustc, so
//! every input the macro cannot handle must be rejected with a `compile_error!` instead.
//!
//! Most corpus functions are methods or generic, which the signature checks reject before the
//! body is looked at; so each function is also expanded under a normalized signature (see
//! `normalized`) that lets its body through lowering, analysis and code generation.
//!
//! Run with `cargo test -p ad-macros corpus -- --nocapture` (the worker test is
//! ignored: it runs only as a child of the others). The `repro_*` tests are the minimal functions behind each distinct
//! failure found by the corpus and by hand-written probes in its spirit.

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use syn::visit::Visit;

/// One function of the corpus, as the attribute would see it.
struct Case {
    /// `crate/src/file.rs: impl Foo / fn bar` (nested items add their own segment).
    name: String,
    item: syn::ItemFn,
}

/// Collects every function with a body: free functions, methods, trait default methods and
/// functions nested in other functions' bodies (or in modules, impls, consts ...).
struct Collector<'a> {
    file: &'a str,
    /// Enclosing `mod`/`impl`/`trait`/`fn` names.
    scope: Vec<String>,
    out: Vec<Case>,
}

impl Collector<'_> {
    fn push(&mut self, item: syn::ItemFn) {
        let mut name = format!("{}: ", self.file);
        for s in &self.scope {
            name.push_str(s);
            name.push_str(" / ");
        }
        name.push_str(&format!("fn {}", item.sig.ident));
        self.out.push(Case { name, item });
    }
}

fn type_name(ty: &syn::Type) -> String {
    ty.to_token_stream().to_string().replace(' ', "")
}

impl<'ast> Visit<'ast> for Collector<'_> {
    fn visit_item_mod(&mut self, i: &'ast syn::ItemMod) {
        self.scope.push(format!("mod {}", i.ident));
        syn::visit::visit_item_mod(self, i);
        self.scope.pop();
    }
    fn visit_item_impl(&mut self, i: &'ast syn::ItemImpl) {
        let name = match &i.trait_ {
            Some((_, path, _)) => format!(
                "impl {} for {}",
                path.to_token_stream().to_string().replace(' ', ""),
                type_name(&i.self_ty)
            ),
            None => format!("impl {}", type_name(&i.self_ty)),
        };
        self.scope.push(name);
        syn::visit::visit_item_impl(self, i);
        self.scope.pop();
    }
    fn visit_item_trait(&mut self, i: &'ast syn::ItemTrait) {
        self.scope.push(format!("trait {}", i.ident));
        syn::visit::visit_item_trait(self, i);
        self.scope.pop();
    }
    fn visit_item_fn(&mut self, i: &'ast syn::ItemFn) {
        self.push(i.clone());
        self.scope.push(format!("fn {}", i.sig.ident));
        syn::visit::visit_item_fn(self, i);
        self.scope.pop();
    }
    fn visit_impl_item_fn(&mut self, i: &'ast syn::ImplItemFn) {
        self.push(syn::ItemFn {
            attrs: i.attrs.clone(),
            vis: i.vis.clone(),
            sig: i.sig.clone(),
            block: Box::new(i.block.clone()),
        });
        self.scope.push(format!("fn {}", i.sig.ident));
        syn::visit::visit_impl_item_fn(self, i);
        self.scope.pop();
    }
    fn visit_trait_item_fn(&mut self, i: &'ast syn::TraitItemFn) {
        if let Some(block) = &i.default {
            self.push(syn::ItemFn {
                attrs: i.attrs.clone(),
                vis: syn::Visibility::Inherited,
                sig: i.sig.clone(),
                block: Box::new(block.clone()),
            });
        }
        self.scope.push(format!("fn {}", i.sig.ident));
        syn::visit::visit_trait_item_fn(self, i);
        self.scope.pop();
    }
}

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The identifier of the first non-receiver parameter, when it is a plain binding.
fn first_param(sig: &syn::Signature) -> Option<syn::Ident> {
    sig.inputs.iter().find_map(|arg| match arg {
        syn::FnArg::Typed(t) => match &*t.pat {
            syn::Pat::Ident(p) => Some(p.ident.clone()),
            _ => None,
        },
        syn::FnArg::Receiver(_) => None,
    })
}

/// Result types the macro accepts (mirrors `parse::is_output_type`).
fn is_output_type(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Paren(p) => is_output_type(&p.elem),
        syn::Type::Tuple(t) => !t.elems.is_empty() && t.elems.iter().all(is_output_type),
        syn::Type::Path(p) if p.qself.is_none() => {
            let Some(last) = p.path.segments.last() else {
                return false;
            };
            match last.ident.to_string().as_str() {
                "f64" | "f32" => true,
                "Vec" => match &last.arguments {
                    syn::PathArguments::AngleBracketed(a) => a.args.iter().all(
                        |arg| matches!(arg, syn::GenericArgument::Type(t) if is_output_type(t)),
                    ),
                    _ => false,
                },
                n => n.starts_with("Array"),
            }
        }
        _ => false,
    }
}

/// The same body under a signature the macro accepts, so that the body is lowered and
/// differentiated instead of being rejected by the signature checks: no `const`, `async`,
/// `unsafe`, `extern`, type or const generics, `where` clause or receiver; a parameter bound
/// by a pattern becomes `__pN`, and a `&mut T` parameter `&T`; a result the macro cannot
/// differentiate becomes `f64`; and an extra `__ad_x: f64` parameter guarantees an active
/// input. The result is still syntactically valid Rust (the macro runs before type
/// checking, so it must not panic on it either), though its body may no longer type-check.
fn normalized(item: &syn::ItemFn) -> syn::ItemFn {
    let mut f = item.clone();
    let sig = &mut f.sig;
    sig.constness = None;
    sig.asyncness = None;
    sig.unsafety = None;
    sig.abi = None;
    sig.variadic = None;
    sig.generics.where_clause = None;
    sig.generics.params = std::mem::take(&mut sig.generics.params)
        .into_iter()
        .filter(|p| matches!(p, syn::GenericParam::Lifetime(_)))
        .collect();
    if sig.generics.params.is_empty() {
        sig.generics.lt_token = None;
        sig.generics.gt_token = None;
    }
    let mut inputs = syn::punctuated::Punctuated::<syn::FnArg, syn::Token![,]>::new();
    for (i, arg) in std::mem::take(&mut sig.inputs).into_iter().enumerate() {
        let syn::FnArg::Typed(mut pt) = arg else {
            continue;
        };
        if let syn::Type::Reference(r) = &mut *pt.ty {
            r.mutability = None;
        }
        let simple =
            matches!(&*pt.pat, syn::Pat::Ident(pi) if pi.by_ref.is_none() && pi.subpat.is_none());
        if !simple {
            let name = quote::format_ident!("__p{i}");
            pt.pat = Box::new(syn::parse_quote!(#name));
        }
        inputs.push(syn::FnArg::Typed(pt));
    }
    inputs.push(syn::parse_quote!(__ad_x: f64));
    sig.inputs = inputs;
    let keep = matches!(&sig.output, syn::ReturnType::Type(_, ty) if is_output_type(ty));
    if !keep {
        sig.output = syn::parse_quote!(-> f64);
    }
    f
}

// A panic hook that records the message and location of panics on threads that asked for
// it (`CAPTURE`), and leaves every other thread's panics to the previous hook, so tests
// running in parallel keep their normal output.
thread_local! {
    static CAPTURE: RefCell<Option<Vec<String>>> = const { RefCell::new(None) };
}

fn install_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let captured = CAPTURE.with(|c| {
                let mut c = c.borrow_mut();
                let Some(log) = c.as_mut() else {
                    return false;
                };
                let payload = info.payload();
                let msg = payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "<non-string panic payload>".to_string());
                let loc = info
                    .location()
                    .map(|l| format!("{}:{}", l.file(), l.line()))
                    .unwrap_or_else(|| "<unknown location>".to_string());
                log.push(format!("{loc}: {msg}"));
                true
            });
            if !captured {
                previous(info);
            }
        }));
    });
}

/// What one expansion did.
#[derive(Debug)]
enum Outcome {
    /// Generated code (no `compile_error!`).
    Generated,
    /// A `compile_error!` next to the user's item.
    Rejected,
    /// The output does not parse as items: syn's message.
    Unparseable(String),
    /// The macro panicked: `location: message`.
    Panicked(String),
    /// The process died during the expansion (a stack overflow aborts; it cannot be caught):
    /// exit status and the end of stderr.
    Crashed(String),
}

fn is_compile_error(tokens: &TokenStream) -> bool {
    tokens.clone().into_iter().any(|t| match t {
        proc_macro2::TokenTree::Ident(i) => i == "compile_error",
        _ => false,
    })
}

/// Expands `item` with `args` in this process, catching (and recording, silently) any panic.
fn run(args: TokenStream, item: TokenStream) -> Outcome {
    install_hook();
    CAPTURE.with(|c| *c.borrow_mut() = Some(Vec::new()));
    let result = std::panic::catch_unwind(|| crate::expand(args, item));
    let log = CAPTURE.with(|c| c.borrow_mut().take()).unwrap_or_default();
    match result {
        Err(_) => Outcome::Panicked(log.into_iter().next().unwrap_or_default()),
        Ok(tokens) => {
            let rejected = is_compile_error(&tokens);
            match syn::parse2::<syn::File>(tokens) {
                Err(e) => Outcome::Unparseable(e.to_string()),
                Ok(_) if rejected => Outcome::Rejected,
                Ok(_) => Outcome::Generated,
            }
        }
    }
}

/// One expansion to try.
struct Job {
    /// The function and how it was expanded.
    name: String,
    args: TokenStream,
    item: TokenStream,
}

/// The corpus and what to do with it.
struct Corpus {
    files: usize,
    /// Files syn could not parse (`path: error`).
    unparsed_files: Vec<String>,
    functions: usize,
    /// Functions per crate directory.
    per_crate: std::collections::BTreeMap<String, usize>,
    jobs: Vec<Job>,
}

/// Collects the corpus's functions and the expansions to try. Every function is expanded without arguments; with `wrt(<first parameter>)` when its
/// first parameter is a plain binding; and under a normalized signature (see `normalized`).
/// The order is deterministic, so a worker process can start at any job index.
fn corpus_jobs() -> Corpus {
    let root = corpus_dir();
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut cases = Vec::new();
    let mut unparsed_files = Vec::new();
    for path in &files {
        let rel = path
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let src = std::fs::read_to_string(path).unwrap();
        let file = match syn::parse_file(&src) {
            Ok(f) => f,
            Err(e) => {
                unparsed_files.push(format!("{rel}: {e}"));
                continue;
            }
        };
        let mut c = Collector {
            file: &rel,
            scope: Vec::new(),
            out: Vec::new(),
        };
        c.visit_file(&file);
        cases.extend(c.out);
    }
    let mut jobs = Vec::new();
    for case in &cases {
        let item = case.item.to_token_stream();
        if let Some(p) = first_param(&case.item.sig) {
            jobs.push(Job {
                name: format!("{} [wrt({p})]", case.name),
                args: quote!(wrt(#p)),
                item: item.clone(),
            });
        }
        jobs.push(Job {
            name: format!("{} [normalized signature]", case.name),
            args: TokenStream::new(),
            item: normalized(&case.item).to_token_stream(),
        });
        jobs.push(Job {
            name: case.name.clone(),
            args: TokenStream::new(),
            item,
        });
    }
    let mut per_crate = std::collections::BTreeMap::new();
    for case in &cases {
        let krate = case.name.split('/').next().unwrap().to_string();
        *per_crate.entry(krate).or_insert(0) += 1;
    }
    Corpus {
        files: files.len(),
        unparsed_files,
        functions: cases.len(),
        per_crate,
        jobs,
    }
}

// Expansions run in a child process (this test binary, running `corpus_worker`), because a
// stack overflow aborts the whole process and would otherwise hide every other result. The
// worker prints `@@start <job>` before and `@@done <job> <outcome>` after each expansion; when
// it dies, the parent records the job it started last as `Crashed` and starts a new worker at
// the next job.

const WORKER: &str = "tests::corpus::corpus_worker";

/// Runs `job` (or all corpus jobs from `from` on) in child processes: (job index, outcome).
fn run_in_children(
    mode: &str,
    env: &[(&str, &str)],
    from: usize,
    total: usize,
) -> Vec<(usize, Outcome)> {
    use std::io::{BufRead, Read};
    let exe = std::env::current_exe().unwrap();
    let mut results = Vec::new();
    let mut next = from;
    while next < total {
        let mut child = std::process::Command::new(&exe)
            .args([
                WORKER,
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("AD_CORPUS_WORKER", format!("{mode}:{next}"))
            .envs(env.iter().copied())
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("re-running the test binary as a worker");
        let mut stderr = child.stderr.take().unwrap();
        let stderr = std::thread::spawn(move || {
            let mut s = String::new();
            let _ = stderr.read_to_string(&mut s);
            s
        });
        let mut started = None;
        for line in std::io::BufReader::new(child.stdout.take().unwrap()).lines() {
            let line = line.unwrap();
            // libtest prints `test <name> ... ` without a newline before the first job.
            let line = line.find("@@").map_or("", |i| &line[i..]);
            if let Some(rest) = line.strip_prefix("@@start ") {
                started = Some(rest.parse::<usize>().unwrap());
            } else if let Some(rest) = line.strip_prefix("@@done ") {
                let (j, rest) = rest.split_once(' ').unwrap();
                let (kind, msg) = rest.split_once(' ').unwrap_or((rest, ""));
                let msg = msg.to_string();
                let outcome = match kind {
                    "generated" => Outcome::Generated,
                    "rejected" => Outcome::Rejected,
                    "unparseable" => Outcome::Unparseable(msg),
                    "panicked" => Outcome::Panicked(msg),
                    other => panic!("worker printed an unknown outcome {other}"),
                };
                let j: usize = j.parse().unwrap();
                results.push((j, outcome));
                started = None;
                next = j + 1;
            }
        }
        let status = child.wait().unwrap();
        let stderr = stderr.join().unwrap();
        match started {
            Some(j) => {
                let lines = stderr.lines().filter(|l| !l.trim().is_empty());
                let tail: Vec<&str> = lines.rev().take(3).collect();
                let tail: Vec<&str> = tail.into_iter().rev().collect();
                results.push((
                    j,
                    Outcome::Crashed(format!("{status}: {}", tail.join(" | "))),
                ));
                next = j + 1;
            }
            None if next < total => {
                panic!("the worker stopped at job {next} of {total} ({status}):\n{stderr}")
            }
            None => {}
        }
    }
    results
}

/// The worker process of `corpus_never_panics` and of the reproducers (does nothing unless
/// started by them). `AD_CORPUS_WORKER` is `corpus:<first job>` or `single:0` (the function in
/// `AD_CORPUS_SRC`, the attribute arguments in `AD_CORPUS_ARGS`).
#[test]
#[ignore = "worker process of corpus_never_panics and of the reproducers"]
fn corpus_worker() {
    let Ok(mode) = std::env::var("AD_CORPUS_WORKER") else {
        return;
    };
    let (mode, from) = mode.split_once(':').unwrap();
    let from: usize = from.parse().unwrap();
    let jobs = if mode == "single" {
        let src = std::env::var("AD_CORPUS_SRC").unwrap();
        let args = std::env::var("AD_CORPUS_ARGS").unwrap_or_default();
        let item: syn::ItemFn = syn::parse_str(&src).expect("reproducer parses");
        vec![Job {
            name: String::new(),
            args: args.parse().expect("reproducer arguments tokenize"),
            item: item.to_token_stream(),
        }]
    } else {
        corpus_jobs().jobs
    };
    use std::io::Write;
    let mut out = std::io::stdout();
    for (j, job) in jobs.into_iter().enumerate().skip(from) {
        writeln!(out, "@@start {j}").unwrap();
        out.flush().unwrap();
        let line = match run(job.args, job.item) {
            Outcome::Generated => "generated".to_string(),
            Outcome::Rejected => "rejected".to_string(),
            Outcome::Unparseable(m) => format!("unparseable {}", m.replace('\n', " ")),
            Outcome::Panicked(m) => format!("panicked {}", m.replace('\n', " ")),
            Outcome::Crashed(_) => unreachable!(),
        };
        writeln!(out, "@@done {j} {line}").unwrap();
        out.flush().unwrap();
    }
}

/// Every `fn` of the corpus (see `corpus_jobs`) expands to tokens that parse as items, a
/// `compile_error!` or generated code, without panicking or crashing.
#[test]
fn corpus_never_panics() {
    let start = std::time::Instant::now();
    let Corpus {
        files,
        unparsed_files,
        functions,
        per_crate,
        jobs,
    } = corpus_jobs();
    let results = run_in_children("corpus", &[], 0, jobs.len());
    assert_eq!(results.len(), jobs.len(), "every expansion reported");
    let (mut generated, mut rejected) = (0usize, 0usize);
    // (what and where, function and mode, message)
    let mut failures: Vec<(String, String, String)> = Vec::new();
    for (j, outcome) in results {
        let what = jobs[j].name.clone();
        match outcome {
            Outcome::Generated => generated += 1,
            Outcome::Rejected => rejected += 1,
            Outcome::Unparseable(e) => failures.push(("unparseable output".into(), what, e)),
            Outcome::Panicked(msg) => {
                let (loc, text) = msg.split_once(": ").unwrap_or(("", &msg));
                failures.push((format!("panic at {loc}"), what, text.to_string()));
            }
            Outcome::Crashed(msg) => failures.push(("crash".into(), what, msg)),
        }
    }
    println!(
        "corpus: {files} files ({} unparsed by syn), {functions} functions, {} expansions: \
         {generated} generated code, {rejected} compile_error!, {} failed, in {:.1?}",
        unparsed_files.len(),
        jobs.len(),
        failures.len(),
        start.elapsed()
    );
    println!("functions per crate: {per_crate:?}");
    // One group per panic location (or crash, or unparseable output), with its first examples.
    failures.sort_by(|a, b| a.0.cmp(&b.0));
    let mut report = String::new();
    let mut i = 0;
    while i < failures.len() {
        let key = &failures[i].0;
        let group: Vec<_> = failures[i..].iter().take_while(|f| &f.0 == key).collect();
        report.push_str(&format!("\n{key} ({} times):\n", group.len()));
        for (_, what, msg) in group.iter().take(5) {
            report.push_str(&format!("    {what}\n        {msg}\n"));
        }
        i += group.len();
    }
    if !report.is_empty() {
        println!("{report}");
    }
    assert!(
        unparsed_files.is_empty(),
        "syn could not parse corpus files: {unparsed_files:?}"
    );
    assert!(
        functions > 2000,
        "only {functions} functions found in the corpus"
    );
    assert!(
        failures.is_empty(),
        "{} expansions failed:{report}",
        failures.len()
    );
}

/// Expands one function (in a worker process, so that a stack overflow fails this test
/// instead of aborting the test binary) and fails on a panic, a crash or unparseable output.
fn check(args: &str, src: &str) {
    syn::parse_str::<syn::ItemFn>(src).expect("reproducer parses");
    let env = [("AD_CORPUS_SRC", src), ("AD_CORPUS_ARGS", args)];
    let mut results = run_in_children("single", &env, 0, 1);
    match results.pop().expect("the worker reported").1 {
        Outcome::Generated | Outcome::Rejected => {}
        Outcome::Unparseable(e) => panic!("expansion does not parse: {e}"),
        Outcome::Panicked(msg) => panic!("the macro panicked: {msg}"),
        Outcome::Crashed(msg) => panic!("the macro crashed the process: {msg}"),
    }
}

// Minimal reproducers of the failures the corpus (and probes derived from it) found at
// commit 10327ae (line numbers are of that commit). Each is valid Rust (it compiles as a
// plain function), so the macro must answer with generated code or a `compile_error!`.
// Each failed before its fix (issue 12) and passes now.

/// A qualified path used as a value, not called (`<f64>::EPSILON`, `let g = <f64>::sqrt;`):
/// `Lowerer::lower_atom` hands it to `lower_op` (parse.rs:1845), which reports it as
/// unsupported and hands it back to `lower_atom` (parse.rs:1901), forever: a stack overflow,
/// which aborts rustc. Found through ndarray's `format_array(self, f, <_>::fmt, &fmt_opt)`.
#[test]
fn repro_qualified_path_value() {
    check("", "fn f(x: f64) -> f64 { x + <f64>::EPSILON }");
    check("", "fn f(x: f64) -> f64 { let g = <f64>::sqrt; g(x) }");
}

/// A raw identifier as a variable (`r#fn`, `r#match`, even a needless `r#x`): the reverse
/// sweep names its adjoint with `format!("__d_{name}")` on the `r#`-prefixed name
/// (`Gen::derived`, reverse.rs:360) and `Ident::new` panics in `mixed` (reverse.rs:156):
/// `"__d_r#fn" is not a valid Ident`.
#[test]
fn repro_raw_identifier_variable() {
    check("", "fn f(r#fn: f64) -> f64 { r#fn * 2.0 }");
    check("", "fn f(x: f64) -> f64 { let r#match = x * x; r#match }");
}

/// A raw identifier bound twice: `Lowerer::declare_user` renames the shadowing binding with
/// `format!("{name}__1")` on the `r#`-prefixed name and `Ident::new` panics (parse.rs:481):
/// `"r#match__1" is not a valid Ident`.
#[test]
fn repro_raw_identifier_shadowed() {
    check(
        "",
        "fn f(x: f64) -> f64 { let r#match = x; let r#match = r#match * 2.0; r#match }",
    );
}

/// The helpers themselves: a function the macro differentiates and one it rejects.
#[test]
fn repro_helper_accepts_good_and_rejected_functions() {
    check("", "fn f(x: f64) -> f64 { x * x.sin() }");
    check("wrt(x)", "fn f(x: f64, y: f64) -> f64 { x * y }");
    check("", "fn f(&self) -> f64 { 1.0 }");
}
