//! The progress bar of `check` on standard error (the library never prints).

use std::cell::{Cell, OnceCell};
use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressDrawTarget, ProgressStyle};

/// A bar shown only when standard error is a terminal and the run has
/// lasted about a second.
pub struct ProgressBar {
    started: Instant,
    bar: OnceCell<indicatif::ProgressBar>,
    shown: Cell<bool>,
}

impl ProgressBar {
    /// A bar, or `None` when standard error is no terminal.
    pub fn for_stderr() -> Option<ProgressBar> {
        std::io::stderr().is_terminal().then(|| ProgressBar {
            started: Instant::now(),
            bar: OnceCell::new(),
            shown: Cell::new(false),
        })
    }

    /// Moves the bar to `done` of `total` claims.
    pub fn update(&self, done: usize, total: usize) {
        let bar = self.bar.get_or_init(|| {
            let bar =
                indicatif::ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::hidden());
            bar.set_style(
                ProgressStyle::with_template("{spinner} checking claims {bar:40} {pos}/{len} ({eta} left)")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar
        });
        if !self.shown.get() && self.started.elapsed() >= Duration::from_secs(1) {
            bar.set_draw_target(ProgressDrawTarget::stderr());
            self.shown.set(true);
        }
        bar.set_position(done as u64);
    }
}

impl Drop for ProgressBar {
    fn drop(&mut self) {
        if let Some(bar) = self.bar.get() {
            bar.finish_and_clear();
        }
    }
}
