#ifndef QUARRY_CREADLINE_SHIM_H
#define QUARRY_CREADLINE_SHIM_H
#include <stdio.h>
#include <stdlib.h>
#include <readline/readline.h>
#include <readline/history.h>

/* readline keeps the pointer: the string must live for the whole session. */
static inline void quarry_set_word_break_characters(const char *chars) {
    rl_completer_word_break_characters = (char *)chars;
}

static inline void quarry_set_readline_name(const char *name) {
    rl_readline_name = name;
}
#endif
