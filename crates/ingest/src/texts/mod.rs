//! The import's zh/en texts (mapping step, file descriptions, errors), looked up by key; a key this crate does not hold
//! falls through to the shared texts of `segscope_i18n`.

mod events;
mod mapping;
mod messages;

segscope_i18n::texts!(tables: [events::ENTRIES, mapping::ENTRIES, messages::ENTRIES], below: [segscope_i18n::text]);
