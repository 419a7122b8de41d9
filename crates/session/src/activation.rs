//! The session's answers for acting on segments: which contacts the data
//! holds, a selection's list for a marketing tool, and the campaign pack
//! (docs/export/activation.md).

use crate::protocol::Failure;
use crate::Session;
use segscope_engine::explore::CustomerQuery;
use segscope_export::{self as export, ActivationFile, ActivationOptions, ContactCoverage};
use segscope_i18n::Lang;

impl Session {
    /// Which contacts the loaded data holds.
    pub fn contact_coverage(&self) -> Result<ContactCoverage, Failure> {
        let (dataset, _) = self.loaded.as_ref().ok_or(Failure::NoData)?;
        Ok(export::contact_coverage(dataset))
    }

    /// The list for a marketing tool of the customers `query` selects.
    pub fn activation(
        &mut self,
        query: &CustomerQuery,
        options: &ActivationOptions,
    ) -> Result<ActivationFile, Failure> {
        let (dataset, analysis, picked) = self.selection(query)?;
        export::activation_file(dataset, analysis, picked.iter().map(|&i| i as usize), options).map_err(Failure::Export)
    }

    /// The campaign pack of the current analysis, in `lang`.
    pub fn campaign_pack(&mut self, lang: Lang) -> Result<Vec<u8>, Failure> {
        self.models()?;
        let (dataset, analysis, _) = self.selection(&CustomerQuery::default())?;
        export::campaign_pack(dataset, analysis, lang).map_err(Failure::Export)
    }
}
