/*
 * ps_motion.c - the scripted wearer. See ps_motion.h.
 */
#include "ps_motion.h"
#include <math.h>

#define DEG_PER_RAD 57.29577951f

/* Posture keyframes, linearly blended: (time s, lumbar pitch, pelvis pitch).
 * Standing neutral: pelvis 10, lordosis (pelvis - lumbar) 22. Sitting: the
 * pelvis 17 deg back, lordosis 12 lower. Slumped: lordosis -8, 18 below the
 * sitting neutral's 10. */
static const float keys[][3] = {
    {   0.0f, -12.0f,  10.0f },
    {  12.0f, -12.0f,  10.0f },
    {  14.0f, -17.0f,  -7.0f },
    {  26.0f, -17.0f,  -7.0f },
    {  28.0f,  -4.0f, -12.0f },
    { 103.0f,  -4.0f, -12.0f },
    { 105.0f, -17.0f,  -7.0f },
    { 125.0f, -17.0f,  -7.0f },
    { 127.0f, -12.0f,  10.0f },
};
#define KEY_COUNT (sizeof keys / sizeof keys[0])
#define LUMBAR_ROLL 0.5f
#define PELVIS_ROLL (-0.8f)

static void pitches_at(float t, float *lumbar, float *pelvis)
{
    unsigned i;
    if (t <= keys[0][0]) { *lumbar = keys[0][1]; *pelvis = keys[0][2]; return; }
    for (i = 1; i < KEY_COUNT; i++) {
        if (t < keys[i][0]) {
            float w = (t - keys[i - 1][0]) / (keys[i][0] - keys[i - 1][0]);
            *lumbar = keys[i - 1][1] + (keys[i][1] - keys[i - 1][1]) * w;
            *pelvis = keys[i - 1][2] + (keys[i][2] - keys[i - 1][2]) * w;
            return;
        }
    }
    *lumbar = keys[KEY_COUNT - 1][1];
    *pelvis = keys[KEY_COUNT - 1][2];
}

ps_motion_angles ps_motion_angles_at(uint32_t t_us)
{
    ps_motion_angles a;
    pitches_at((float)t_us * 1e-6f, &a.lumbar_pitch, &a.pelvis_pitch);
    a.lumbar_roll = LUMBAR_ROLL;
    a.pelvis_roll = PELVIS_ROLL;
    return a;
}

/* A hash of (time, channel) in -1..1: noise without state, so any sample can
 * be regenerated on its own. */
static float noise(uint32_t t_us, uint32_t channel)
{
    uint32_t x = t_us * 2654435761u ^ (channel + 1u) * 2246822519u;
    x ^= x >> 15; x *= 2246822519u; x ^= x >> 13; x *= 3266489917u; x ^= x >> 16;
    return (float)(x & 0xFFFFu) / 32767.5f - 1.0f;
}

static void imu_from_angles(float pitch_deg, float roll_deg, float pitch_rate_dps, uint32_t t_us, uint32_t base,
                            ps_motion_imu *out)
{
    float p = pitch_deg / DEG_PER_RAD, r = roll_deg / DEG_PER_RAD;
    /* Gravity seen by a sensor mounted as SPEC says (see ps_tilt.h). */
    float g[3];
    unsigned k;
    g[0] = cosf(p) * cosf(r);
    g[1] = sinf(r);
    g[2] = sinf(p) * cosf(r);
    for (k = 0; k < 3u; k++) out->accel_mg[k] = (int32_t)lrintf(g[k] * 1000.0f + 2.0f * noise(t_us, base + k));
    /* Tilting forward turns x toward -z: a positive rotation about +y. */
    out->gyro_mdps[0] = (int32_t)lrintf(150.0f * noise(t_us, base + 3u));
    out->gyro_mdps[1] = (int32_t)lrintf(pitch_rate_dps * 1000.0f + 150.0f * noise(t_us, base + 4u));
    out->gyro_mdps[2] = (int32_t)lrintf(150.0f * noise(t_us, base + 5u));
    out->temperature_centi_c = (int16_t)(3150 + (int16_t)lrintf(5.0f * noise(t_us, base + 6u)));
}

void ps_motion_imus_at(uint32_t t_us, ps_motion_imu out[2])
{
    ps_motion_angles a = ps_motion_angles_at(t_us);
    ps_motion_angles b = ps_motion_angles_at(t_us + 10000u);
    imu_from_angles(a.lumbar_pitch, a.lumbar_roll, (b.lumbar_pitch - a.lumbar_pitch) * 100.0f, t_us, 0u, &out[0]);
    imu_from_angles(a.pelvis_pitch, a.pelvis_roll, (b.pelvis_pitch - a.pelvis_pitch) * 100.0f, t_us, 8u, &out[1]);
}

int ps_motion_button_down(uint32_t t_us)
{
    return (t_us >= 2000000u && t_us < 2200000u) || (t_us >= 17000000u && t_us < 17200000u);
}

int ps_motion_pelvis_present(uint32_t t_us)
{
    return !(t_us >= 140000000u && t_us < 142000000u);
}
