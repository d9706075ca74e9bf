using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Rollcall.Faces;

namespace Rollcall.Storage.Configurations;

/// <summary>A challenge in its stored form ("None", "Blink,Smile"); an old single action reads as none.</summary>
internal sealed class ChallengeConverter() : ValueConverter<Challenge, string>(c => c.ToString(), s => Challenge.Parse(s));
