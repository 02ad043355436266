//! What a run reads, and the claims in it: articles (decoded, markup
//! removed), claims CSVs, reference tables, the inputs of `check`, and the
//! extraction of check-worthy claims from an article.

pub mod article;
pub mod capped;
pub mod claim;
pub mod csv_input;
pub mod extract;
pub mod inputs;
pub mod reference;
