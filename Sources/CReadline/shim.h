// GNU readline and its history library, for the REPL's line editing.
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

// Readline is configured through global variables, which Swift 6 does not allow to be
// touched directly; these small functions are the only places that write them.

/// Sets up readline for the REPL: program name, word breaks, completion function and
/// history of multi-line entries; readline's own signal handlers are turned off because
/// the REPL handles Ctrl-C.
static inline void soma_readline_configure(const char *name, const char *word_breaks,
                                           rl_completion_func_t *complete) {
  rl_catch_signals = 0;
  rl_readline_name = name;
  rl_basic_word_break_characters = word_breaks;
  rl_attempted_completion_function = complete;
  // Timestamps in the history file mark where each entry starts, so that an entry
  // of several lines comes back whole in the next session.
  history_comment_char = '#';
  history_write_timestamps = 1;
  history_multiline_entries = 1;
}

/// Tells readline not to fall back to file-name completion.
static inline void soma_readline_completion_done(void) { rl_attempted_completion_over = 1; }

/// Discards the half-typed line after Ctrl-C.
static inline void soma_readline_abandon_line(void) {
  rl_free_line_state();
  rl_callback_sigcleanup();
  rl_replace_line("", 0);
  rl_point = rl_end = rl_mark = 0;
}
