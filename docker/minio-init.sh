#!/bin/sh
# One-shot set-up of MinIO for Urbadesk (the minio-init service of docker/compose.yaml); safe to
# run again. It makes the bucket, versioned and private, and gives the application its own key
# (S3_ACCESS_KEY / S3_SECRET_KEY), allowed on that bucket only, unless that key is the root one.
# No bucket CORS: browsers reach the store through the web front, on the site's own origin.
set -eu

: "${MINIO_ROOT_USER:?}" "${MINIO_ROOT_PASSWORD:?}" "${S3_BUCKET:?}" "${S3_ACCESS_KEY:?}" "${S3_SECRET_KEY:?}"

mc alias set urbadesk http://minio:9000 "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >/dev/null
mc mb --ignore-existing "urbadesk/$S3_BUCKET"
# Stored plan versions are immutable; versioning keeps an overwritten or deleted object recoverable.
mc version enable "urbadesk/$S3_BUCKET"
mc anonymous set none "urbadesk/$S3_BUCKET"

if [ "$S3_ACCESS_KEY" = "$MINIO_ROOT_USER" ]; then
  echo "minio-init: the application uses the root key; no application user made"
  exit 0
fi

policy=/tmp/urbadesk-app-policy.json
cat >"$policy" <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:*"],
      "Resource": ["arn:aws:s3:::${S3_BUCKET}", "arn:aws:s3:::${S3_BUCKET}/*"]
    }
  ]
}
EOF
mc admin policy create urbadesk urbadesk-app "$policy"
# Adding an existing user sets its secret again, so a changed S3_SECRET_KEY takes effect here.
mc admin user add urbadesk "$S3_ACCESS_KEY" "$S3_SECRET_KEY"
if ! mc admin policy attach urbadesk urbadesk-app --user "$S3_ACCESS_KEY"; then
  # MinIO refuses to attach a policy that is already attached: check that this is the case.
  case "$(mc admin user info urbadesk "$S3_ACCESS_KEY" --json)" in
    *urbadesk-app*) echo "minio-init: policy urbadesk-app was already attached" ;;
    *) echo "minio-init: could not attach policy urbadesk-app to $S3_ACCESS_KEY" >&2; exit 1 ;;
  esac
fi
echo "minio-init: bucket $S3_BUCKET ready for $S3_ACCESS_KEY"
