//! The tuning values of alignment, in one place; each line says what it sets.

// Retrieval.

/// Retrieval boost of a name, a number or an acronym.
pub(super) const NAME_BOOST: f64 = 1.5;

/// Retrieval boost of a word of the claim's subject.
pub(super) const SUBJECT_BOOST: f64 = 1.5;

// Subjects, events and names.

/// Share of a claim's other words a reference must have for a rank in the
/// claim's subject to be an error rather than another event.
pub(super) const SAME_EVENT: f64 = 0.6;

/// Share of a claim's predicate a reference with a nameless subject ("The
/// ship was built by") must align for it to be about the claim's subject.
pub(super) const DESCRIBED_PREDICATE: f64 = 0.6;

/// Share of a claim's weight that missing names may have in a supporting reference.
pub(super) const MINOR_NAME_SHARE: f64 = 0.1;

/// Similarity at or above which two names are the same name spelled differently.
pub(super) const SAME_NAME: f64 = 0.85;

/// Similarity at or above which two different names are a near miss.
pub(super) const NEAR_NAME: f64 = 0.5;

/// Most letters two near-miss names may differ in length by: "Kenyatta" is
/// not a misspelt "Kenya", "Heatly" is a misspelt "Heatley".
pub(super) const NEAR_NAME_LENGTH_GAP: usize = 2;

/// Share of a claim, its subject name left aside, that a reference must
/// match for another name in its subject to be the error.
pub(super) const REST_MATCHED: f64 = 0.6;

/// Share of a claim's weight, its subject's name aside, that a reference
/// must match for another known name in its subject to be the claim's error
/// (with a date or an amount among them).
pub(super) const ATTRIBUTED_REST: f64 = 0.75;

/// Words of that rest the reference must match: a short claim ("X was in
/// two films in 2005") tells no single event, so no single actor.
pub(super) const ATTRIBUTED_WORDS: usize = 6;

/// Share of a claim's weight, a name no row knows aside, that a reference
/// with a dated event under another name must match for the name to be a
/// made-up one for the reference's.
pub(super) const UNKNOWN_REST: f64 = 0.45;

/// Words of that rest the reference must match.
pub(super) const UNKNOWN_WORDS: usize = 4;

// Weights of claim words in coverage.

/// Weight of a name or a number: the details a claim is about.
pub(super) const KEY_WORD_WEIGHT: f64 = 1.5;
/// Weight of a common English word that no reference uses: mostly filler.
pub(super) const UNSEEN_COMMON_WEIGHT: f64 = 0.3;
/// Factor on the weight of a word in parentheses: side detail.
pub(super) const ASIDE_FACTOR: f64 = 0.25;
/// Share of the subject's name weight that must be found for the subject to be.
pub(super) const SUBJECT_FOUND_SHARE: f64 = 0.5;

// Spelling.

/// Jaro-Winkler similarity at or above which two words of five letters or
/// more are one word spelled differently.
pub(super) const SAME_WORD_JARO_WINKLER: f64 = 0.93;

// Negation.

/// Content words after a negation cue that it governs.
pub(super) const NEGATION_SCOPE: usize = 3;

// Quantities.

/// Relative width of an "about" / "roughly" / "some" / "nearly" value.
pub(super) const ABOUT_TOLERANCE: f64 = 0.1;
/// Tokens after a number in which its unit or counted noun is looked for.
pub(super) const NOUN_WINDOW: usize = 5;
