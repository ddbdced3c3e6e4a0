/*
 * fake_trace.c - reads register traces. See fake_trace.h.
 */
#include "fake_trace.h"
#include <stdio.h>
#include <string.h>

static int hex_bytes(const char *s, uint8_t *out, unsigned n)
{
    unsigned i, v;
    for (i = 0; i < n; i++) {
        if (sscanf(s + 2u * i, "%2x", &v) != 1) return -1;
        out[i] = (uint8_t)v;
    }
    return 0;
}

static int parse_sample(fake_trace *t, const char *line)
{
    uint8_t *s = &t->regs[t->count][0][0];
    if (strlen(line) < 2u * FAKE_TRACE_DATA_BYTES * 2u + 1u || line[2u * FAKE_TRACE_DATA_BYTES] != ' ') return -1;
    if (hex_bytes(line, s, FAKE_TRACE_DATA_BYTES) != 0) return -1;
    return hex_bytes(line + 2u * FAKE_TRACE_DATA_BYTES + 1u, s + FAKE_TRACE_DATA_BYTES, FAKE_TRACE_DATA_BYTES);
}

int fake_trace_load(fake_trace *t, const char *path)
{
    char line[128];
    unsigned v, n = 0;
    FILE *f = fopen(path, "r");
    memset(t, 0, sizeof *t);
    if (f == NULL) {
        fprintf(stderr, "cannot open trace %s\n", path);
        return -1;
    }
    while (fgets(line, sizeof line, f) != NULL) {
        n++;
        if (line[0] == '#' || line[0] == '\n') continue;
        if (sscanf(line, "rate_hz %u", &v) == 1) t->rate_hz = (uint16_t)v;
        else if (sscanf(line, "accel_fs_g %u", &v) == 1) t->accel_fs_g = (uint8_t)v;
        else if (sscanf(line, "gyro_fs_dps %u", &v) == 1) t->gyro_fs_dps = (uint16_t)v;
        else if (t->count < FAKE_TRACE_MAX_SAMPLES && parse_sample(t, line) == 0) t->count++;
        else {
            fprintf(stderr, "%s:%u: not a trace line\n", path, n);
            fclose(f);
            return -1;
        }
    }
    fclose(f);
    if (t->rate_hz == 0u || t->accel_fs_g == 0u || t->gyro_fs_dps == 0u || t->count == 0u) {
        fprintf(stderr, "%s: rate_hz, accel_fs_g, gyro_fs_dps or samples missing\n", path);
        return -1;
    }
    return 0;
}

int16_t fake_trace_value(const fake_trace *t, unsigned k, unsigned imu, unsigned axis)
{
    const uint8_t *p = &t->regs[k][imu][2u * axis];
    return (int16_t)(uint16_t)(((uint16_t)p[0] << 8) | p[1]);
}
