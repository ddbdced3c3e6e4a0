/*
 * psp_dump - print the canonical decode of a PSP byte stream.
 *
 *   psp_dump FILE.hex   hex pairs, whitespace and '#' comments allowed
 *   psp_dump FILE       any other name: raw bytes
 *
 * Output: one line per decoded message, then a "counts" line (SPEC.md,
 * "Vectors format"). Exit 0 on success, 2 on usage or I/O errors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "psp_text.h"

static int read_file(const char *path, unsigned char **data, size_t *len)
{
    FILE *f = fopen(path, "rb");
    unsigned char *buf = NULL;
    size_t n = 0;
    size_t cap = 0;
    if (f == NULL) {
        return -1;
    }
    for (;;) {
        size_t got;
        if (n == cap) {
            unsigned char *nb;
            cap = cap ? cap * 2 : 65536;
            nb = (unsigned char *)realloc(buf, cap);
            if (nb == NULL) {
                free(buf);
                fclose(f);
                return -1;
            }
            buf = nb;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            break;
        }
    }
    fclose(f);
    *data = buf;
    *len = n;
    return 0;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s);
    size_t b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

int main(int argc, char **argv)
{
    unsigned char *raw = NULL;
    size_t raw_len = 0;
    uint8_t *bytes;
    size_t n;
    char *out;
    size_t out_cap;
    psp_text t;

    if (argc != 2) {
        fprintf(stderr, "usage: psp_dump FILE.hex|FILE.bin\n");
        return 2;
    }
    if (read_file(argv[1], &raw, &raw_len) != 0) {
        fprintf(stderr, "psp_dump: cannot read %s\n", argv[1]);
        return 2;
    }
    if (ends_with(argv[1], ".hex")) {
        bytes = (uint8_t *)malloc(raw_len / 2 + 1);
        if (bytes == NULL ||
            psp_hex_parse((const char *)raw, raw_len, bytes, raw_len / 2 + 1, &n) != 0) {
            fprintf(stderr, "psp_dump: %s is not valid hex\n", argv[1]);
            free(bytes);
            free(raw);
            return 2;
        }
        free(raw);
    } else {
        bytes = raw;
        n = raw_len;
    }
    /* a message line never takes more than 16 characters per input byte */
    out_cap = 1024 + n * 16;
    out = (char *)malloc(out_cap);
    if (out == NULL) {
        free(bytes);
        return 2;
    }
    psp_text_init(&t, out, out_cap);
    psp_text_decode_stream(&t, bytes, n, 0);
    fwrite(out, 1, t.len, stdout);
    free(out);
    free(bytes);
    return t.overflow ? 2 : 0;
}
