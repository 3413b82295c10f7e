/// The flow codes that can escape these statements (not consumed by a loop inside them).
pub fn escape_codes(stmts: &[Stmt], out: &mut BTreeSet<u32>) {
    for s in stmts {
        match s {
            Stmt::SetFlow(c) => {
                out.insert(*c);
            }
            Stmt::If { then, els, .. } => {
                escape_codes(&then.stmts, out);
                escape_codes(&els.stmts, out);
            }
            Stmt::Loop(l) => {
                let mut inner = BTreeSet::new();
                escape_codes(&l.body.stmts, &mut inner);
                inner.remove(&l.break_code);
                inner.remove(&l.continue_code);
                out.extend(inner);
            }
            _ => {}
        }
    }
}