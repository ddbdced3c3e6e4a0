/*
 * psp_text.h - canonical text form of decoded PSP messages (the ".expected"
 * format of firmware-protocol/vectors, see SPEC.md) and a hex-file reader.
 * Host-side helper for tools and tests; firmware does not need it.
 */
#ifndef PSP_TEXT_H
#define PSP_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "psp.h"

/* Growable-free text sink: a caller buffer; overflow sets a flag. */
typedef struct {
    char  *buf;
    size_t cap;
    size_t len;
    int    overflow;
} psp_text;

void psp_text_init(psp_text *t, char *buf, size_t cap);

/* Appends one line (with LF) for a decoded message. */
void psp_text_msg(psp_text *t, const psp_msg *msg);

/* Appends the final "counts ..." line (with LF). */
void psp_text_counts(psp_text *t, const psp_counts *c);

/* Parses hex text: pairs of hex digits, whitespace anywhere between pairs,
 * '#' starts a comment to end of line. Returns 0 on success, -1 on a syntax
 * error (odd digit, stray character), -2 if out is too small. */
int psp_hex_parse(const char *text, size_t len, uint8_t *out, size_t cap,
                  size_t *out_len);

/* Decodes a whole byte stream and writes the canonical text of it. */
void psp_text_decode_stream(psp_text *t, const uint8_t *data, size_t len,
                            size_t chunk);

#endif /* PSP_TEXT_H */
