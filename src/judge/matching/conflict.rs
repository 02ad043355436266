//! What a conflict between a claim and a reference is: its kind, the two
//! sides, and the one-line reason an editor reads.

use std::fmt;

use serde::Serialize;

/// What kind of detail conflicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConflictKind {
    /// One side negates what the other affirms.
    Negation,
    /// A different year or date.
    Date,
    /// A different number.
    Number,
    /// A name spelled close to the reference's name (APTIA / APPI).
    Name,
    /// Another name in the same role (same neighbouring words).
    Role,
    /// Like `Role`, with a claim name no reference of the table mentions: a
    /// made-up organisation, law or person, or one the table does not know.
    Unknown,
    /// Words of opposite meaning.
    Antonym,
    /// Another word in the same slot ("is a singer" vs "is a dog").
    Detail,
    /// Two members of one closed class (a month, a nationality, a genre...).
    Category(&'static str),
}

impl ConflictKind {
    /// Another name standing where the reference names someone or something
    /// (known to the table or not).
    pub fn is_role(self) -> bool {
        matches!(self, ConflictKind::Role | ConflictKind::Unknown)
    }

    /// Strong kinds decide on their own; weak ones need a well-covered claim.
    pub fn is_strong(self) -> bool {
        matches!(
            self,
            ConflictKind::Negation
                | ConflictKind::Date
                | ConflictKind::Number
                | ConflictKind::Antonym
                | ConflictKind::Name
                // "the second woman" / "the third woman": a rank is a number.
                | ConflictKind::Category("ordinal")
        )
    }
}

/// One conflicting detail between a claim and a reference.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    /// Its kind.
    pub kind: ConflictKind,
    /// The claim's word(s).
    pub claim: String,
    /// The reference's word(s).
    pub reference: String,
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            ConflictKind::Negation => {
                if self.claim.is_empty() {
                    write!(
                        f,
                        "negation: reference says \"{}\", claim does not",
                        self.reference
                    )
                } else {
                    write!(f, "negation: claim says \"{}\", reference does not", self.claim)
                }
            }
            ConflictKind::Date => write!(
                f,
                "date differs: claim {}, reference {}",
                self.claim, self.reference
            ),
            ConflictKind::Number => write!(
                f,
                "number differs: claim {}, reference {}",
                self.claim, self.reference
            ),
            ConflictKind::Name | ConflictKind::Role => write!(
                f,
                "name differs: claim \"{}\", reference \"{}\"",
                self.claim, self.reference
            ),
            ConflictKind::Unknown => write!(
                f,
                "name differs: claim \"{}\", reference \"{}\"; no row of the table names \"{}\"",
                self.claim, self.reference, self.claim
            ),
            ConflictKind::Detail => write!(
                f,
                "detail differs: claim \"{}\", reference \"{}\"",
                self.claim, self.reference
            ),
            ConflictKind::Antonym => write!(
                f,
                "opposite meaning: claim \"{}\", reference \"{}\"",
                self.claim, self.reference
            ),
            ConflictKind::Category(class) => {
                write!(
                    f,
                    "{class} differs: claim \"{}\", reference \"{}\"",
                    self.claim, self.reference
                )
            }
        }
    }
}
