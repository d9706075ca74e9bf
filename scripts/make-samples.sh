#!/usr/bin/env bash
# Rebuilds samples/ (the repository's own test and demo data) from the two MIT-licensed sets it was made from.
# Not run by the build or the tests: they read samples/ as committed. Needs ffmpeg.
# Usage: scripts/make-samples.sh FACES_DIR VIDEOS_DIR   (e.g. ../shared/faces ../shared/videos/people)
set -euo pipefail
cd "$(dirname "$0")/.."
faces=${1:?folder with identities.csv, people/ and scenes/}
videos=${2:?folder with the dN.mp4 recordings}
out=samples

# Photos: at most 800 px on the long side (an ID photo's size); smaller ones are copied byte for byte.
mkdir -p "$out/faces"
cp "$faces/identities.csv" "$out/faces/"
(cd "$faces" && find people scenes -name '*.jpg') | while read -r photo; do
  mkdir -p "$out/faces/$(dirname "$photo")"
  size=$(ffprobe </dev/null -v error -select_streams v -show_entries stream=width,height -of csv=p=0 "$faces/$photo")
  w=${size%,*}; h=${size#*,}
  if [ "$w" -le 800 ] && [ "$h" -le 800 ]; then
    cp "$faces/$photo" "$out/faces/$photo"
  else
    ffmpeg -nostdin -v error -y -i "$faces/$photo" -vf "scale='if(gt(iw,ih),800,-2)':'if(gt(iw,ih),-2,800)':flags=area" -q:v 2 "$out/faces/$photo"
  fi
done

# Recordings: square crop at the recording's own resolution, full length, H.264, no audio. The portrait one (d13) is
# cropped from nearer the top, where the face is.
mkdir -p "$out/videos/people"
for video in "$videos"/*.mp4; do
  name=$(basename "$video")
  crop="crop='min(iw,ih)':'min(iw,ih)'"
  [ "$name" = d13.mp4 ] && crop="crop=iw:iw:0:(ih-iw)*0.3"
  ffmpeg -nostdin -v error -y -i "$video" -an -vf "$crop" -c:v libx264 -preset slow -crf 22 -pix_fmt yuv420p \
    -movflags +faststart -map_metadata -1 "$out/videos/people/$name"
done
du -sh "$out/faces" "$out/videos"

# The demo's kit: per student an ID photo (a frame 0.5 s before the end of the recording) and video notes (3-s windows
# from other parts, 384x384, 30 fps, H.264, as a phone sends them). name:recording:note start(s)
mkdir -p "$out/demo"
for entry in asha:d10:0 ben:d12:0 chitra:d3:0 dev:d0:0 esha:d14:0 esha-2:d14:7.4 farid:d13:0; do
  IFS=: read -r who recording start <<<"$entry"
  source_video="$out/videos/people/$recording.mp4"
  if [ "$who" = "${who%-2}" ]; then
    end=$(ffprobe </dev/null -v error -show_entries format=duration -of csv=p=0 "$source_video")
    ffmpeg -nostdin -v error -y -ss "$(echo "$end - 0.5" | bc)" -i "$source_video" -frames:v 1 -q:v 2 "$out/demo/$who.jpg"
  fi
  ffmpeg -nostdin -v error -y -ss "$start" -t 3 -i "$source_video" -an -vf "scale=384:384,fps=30" -c:v libx264 -preset slow \
    -crf 23 -pix_fmt yuv420p -movflags +faststart -map_metadata -1 "$out/demo/$who.mp4"
done
du -sh "$out/demo"
