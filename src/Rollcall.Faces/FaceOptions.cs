using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Rollcall.Faces;

/// <summary>Face verification settings, bound from the environment variables named on each property.</summary>
public sealed class FaceOptions
{
    [ConfigurationKeyName("FACE_PROVIDER")]
    [RegularExpression("^(local|rekognition)$", ErrorMessage = "FACE_PROVIDER must be local or rekognition, e.g. local")]
    public string Provider { get; set; } = "local";

    [ConfigurationKeyName("FACE_MATCH_THRESHOLD")]
    [Range(0.0, 100.0, ErrorMessage = "FACE_MATCH_THRESHOLD must be 0-100, e.g. 70")]
    public double MatchThreshold { get; set; } = 70.0;

    [ConfigurationKeyName("LIVENESS_REQUIRED")]
    public bool LivenessRequired { get; set; } = true;

    /// <summary>Folder with fr_*.onnx; empty = `models` in the working directory or above the app's base directory.</summary>
    [ConfigurationKeyName("FACE_MODELS_DIR")]
    public string? ModelsDirectory { get; set; }

    [ConfigurationKeyName("FACE_MAX_VIDEO_BYTES")]
    [Range(1024, 200 * 1024 * 1024, ErrorMessage = "FACE_MAX_VIDEO_BYTES must be 1024-209715200, e.g. 20971520")]
    public int MaxVideoBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Largest picture (width x height, read from the container) decoded; 720x1280 is a phone's portrait note.</summary>
    [ConfigurationKeyName("FACE_MAX_VIDEO_PIXELS")]
    [Range(64 * 64, 4096 * 4096, ErrorMessage = "FACE_MAX_VIDEO_PIXELS must be 4096-16777216, e.g. 921600")]
    public int MaxVideoPixels { get; set; } = 720 * 1280;

    /// <summary>Longest note (by the container's duration) decoded; Telegram's own limit for a video note is 60 s.</summary>
    [ConfigurationKeyName("FACE_MAX_VIDEO_SECONDS")]
    [Range(2, 600, ErrorMessage = "FACE_MAX_VIDEO_SECONDS must be 2-600, e.g. 60")]
    public int MaxVideoSeconds { get; set; } = 60;

    [ConfigurationKeyName("FACE_INTRA_OP_THREADS")]
    [Range(1, 64, ErrorMessage = "FACE_INTRA_OP_THREADS must be 1-64, e.g. 1")]
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>Frames sampled across a clip for the face match and the passive liveness model.</summary>
    [ConfigurationKeyName("FACE_VIDEO_FRAMES")]
    [Range(3, 32, ErrorMessage = "FACE_VIDEO_FRAMES must be 3-32, e.g. 16")]
    public int SampledFrames { get; set; } = 16;

    /// <summary>Only the note's first this-many seconds are decoded and judged, so a 60-s note costs about what a short one does.</summary>
    [ConfigurationKeyName("FACE_VIDEO_WINDOW_SECONDS")]
    [Range(1.0, 60.0, ErrorMessage = "FACE_VIDEO_WINDOW_SECONDS must be 1-60, e.g. 5")]
    public double WindowSeconds { get; set; } = 5.0;

    /// <summary>
    /// With no challenge asked, the face is followed over the note's first this-many seconds only: the passive decision was
    /// measured on 3-s windows, and following all of FACE_VIDEO_WINDOW_SECONDS made a 30-s note cost 1.7x a 3-s one.
    /// </summary>
    [ConfigurationKeyName("FACE_PASSIVE_WINDOW_SECONDS")]
    [Range(1.0, 60.0, ErrorMessage = "FACE_PASSIVE_WINDOW_SECONDS must be 1-60, e.g. 3")]
    public double PassiveWindowSeconds { get; set; } = 3.0;

    [ConfigurationKeyName("FACE_MAX_DECODED_FRAMES")]
    [Range(30, 10000, ErrorMessage = "FACE_MAX_DECODED_FRAMES must be 30-10000, e.g. 900")]
    public int MaxDecodedFrames { get; set; } = 900;

    [ConfigurationKeyName("FACE_VIDEO_TIMEOUT_SECONDS")]
    [Range(1, 300, ErrorMessage = "FACE_VIDEO_TIMEOUT_SECONDS must be 1-300, e.g. 15")]
    public int VideoTimeoutSeconds { get; set; } = 15;

    /// <summary>Smallest face (box height in pixels) that is compared.</summary>
    [ConfigurationKeyName("FACE_MIN_FACE_PIXELS")]
    [Range(16, 2000, ErrorMessage = "FACE_MIN_FACE_PIXELS must be 16-2000, e.g. 48")]
    public int MinFacePixels { get; set; } = 48;

    /// <summary>Median passive-model "real" probability below which a clip is not live.</summary>
    [ConfigurationKeyName("LIVENESS_MIN_SCORE")]
    [Range(0.0, 1.0, ErrorMessage = "LIVENESS_MIN_SCORE must be 0-1, e.g. 0.003")]
    public double LivenessMinScore { get; set; } = 0.003;

    /// <summary>
    /// With no blink, smile or open mouth seen, how far the eyelids and lips must move against the rest of the face (the second-highest
    /// over the followed frames, percent of the eye distance; see PassiveLiveness and the faces README).
    /// </summary>
    [ConfigurationKeyName("LIVENESS_MIN_SHAPE_CHANGE")]
    [Range(0.0, 100.0, ErrorMessage = "LIVENESS_MIN_SHAPE_CHANGE must be 0-100, e.g. 7.2")]
    public double LivenessMinShapeChange { get; set; } = 7.2;

    /// <summary>Or the temporal motion (see TemporalLiveness) at least this: above every photo replay of the corpus (6.9).</summary>
    [ConfigurationKeyName("LIVENESS_MIN_MOTION")]
    [Range(0.0, 255.0, ErrorMessage = "LIVENESS_MIN_MOTION must be 0-255, e.g. 7.5")]
    public double LivenessMinMotion { get; set; } = 7.5;

    public TimeSpan VideoTimeout => TimeoutOverride ?? TimeSpan.FromSeconds(VideoTimeoutSeconds);

    /// <summary>Where the decoders' shared frame memory is made; null = /dev/shm (else TMPDIR). Set by tests.</summary>
    internal string? TempFolder { get; set; }

    /// <summary>A program run instead of the shipped rollcall-decoder (a crashing or hanging stand-in). Set by tests.</summary>
    internal string? DecoderProgram { get; set; }

    /// <summary>A time-out shorter than whole seconds allow. Set by tests.</summary>
    internal TimeSpan? TimeoutOverride { get; set; }
}
