//! Short texts (sources, occupations, regions) stored once and referred to by
//! a small index.

use rustc_hash::FxHashMap;

/// Maps each distinct text to its position in a names list.
#[derive(Default)]
pub(super) struct Interner {
    index: FxHashMap<String, u16>,
}

impl Interner {
    /// The index of `name` in `names`, appended when new; `None` for an empty
    /// name or once 65,535 distinct names are known.
    pub fn intern(&mut self, names: &mut Vec<String>, name: &str) -> Option<u16> {
        if name.is_empty() {
            return None;
        }
        if let Some(&idx) = self.index.get(name) {
            return Some(idx);
        }
        let idx = u16::try_from(names.len()).ok().filter(|&i| i < u16::MAX)?;
        names.push(name.to_string());
        self.index.insert(name.to_string(), idx);
        Some(idx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_text_same_index_and_empty_is_none() {
        let mut names = Vec::new();
        let mut interner = Interner::default();
        assert_eq!(interner.intern(&mut names, "Shandong"), Some(0));
        assert_eq!(interner.intern(&mut names, "Fujian"), Some(1));
        assert_eq!(interner.intern(&mut names, "Shandong"), Some(0));
        assert_eq!(interner.intern(&mut names, ""), None);
        assert_eq!(names, ["Shandong", "Fujian"]);
    }
}
