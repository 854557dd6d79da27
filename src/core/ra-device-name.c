/* ra-device-name.c — a device name and what looking it up found
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-device-name"

#include "config.h"

#include "ra-device-name-private.h"
#include "ra-enum-types.h"

typedef struct
{
  char *uid;
  char *name;
} Candidate;

struct _RaDeviceName
{
  GObject parent_instance;

  char *name;
  RaDeviceNameStatus status;
  char *uid;
  char *error;
  GArray *candidates;   /* of Candidate */
  gboolean picked;
};

G_DEFINE_FINAL_TYPE (RaDeviceName, ra_device_name, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_STATUS,
  PROP_UID,
  PROP_ERROR,
  PROP_PICKED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
candidate_clear (gpointer data)
{
  Candidate *candidate = data;

  g_free (candidate->uid);
  g_free (candidate->name);
}

static void
ra_device_name_finalize (GObject *object)
{
  RaDeviceName *self = (RaDeviceName *)object;

  g_free (self->name);
  g_free (self->uid);
  g_free (self->error);
  g_array_unref (self->candidates);

  G_OBJECT_CLASS (ra_device_name_parent_class)->finalize (object);
}

static void
ra_device_name_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RaDeviceName *self = RA_DEVICE_NAME (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    case PROP_PICKED:
      g_value_set_boolean (value, self->picked);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_device_name_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RaDeviceName *self = RA_DEVICE_NAME (object);

  switch (prop_id)
    {
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ra_device_name_class_init (RaDeviceNameClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ra_device_name_finalize;
  object_class->get_property = ra_device_name_get_property;
  object_class->set_property = ra_device_name_set_property;

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       RA_TYPE_DEVICE_NAME_STATUS, RA_DEVICE_NAME_PENDING,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_PICKED] =
    g_param_spec_boolean ("picked", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ra_device_name_init (RaDeviceName *self)
{
  self->candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_array_set_clear_func (self->candidates, candidate_clear);
}

RaDeviceName *
ra_device_name_new (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  return g_object_new (RA_TYPE_DEVICE_NAME, "name", name, NULL);
}

const char *
ra_device_name_get_name (RaDeviceName *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_NAME (self), NULL);

  return self->name;
}

RaDeviceNameStatus
ra_device_name_get_status (RaDeviceName *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_NAME (self), RA_DEVICE_NAME_PENDING);

  return self->status;
}

const char *
ra_device_name_get_uid (RaDeviceName *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_NAME (self), NULL);

  return self->uid;
}

const char *
ra_device_name_get_error (RaDeviceName *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_NAME (self), NULL);

  return self->error;
}

guint
ra_device_name_get_n_candidates (RaDeviceName *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_NAME (self), 0);

  return self->candidates->len;
}

const char *
ra_device_name_get_candidate (RaDeviceName  *self,
                              guint          i,
                              const char   **name)
{
  const Candidate *candidate;

  g_return_val_if_fail (RA_IS_DEVICE_NAME (self), NULL);
  g_return_val_if_fail (i < self->candidates->len, NULL);

  candidate = &g_array_index (self->candidates, Candidate, i);
  if (name != NULL)
    *name = candidate->name;

  return candidate->uid;
}

gboolean
ra_device_name_get_picked (RaDeviceName *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_NAME (self), FALSE);

  return self->picked;
}

/* g_set_str () is newer than GLib 2.74. */
static gboolean
set_string (char       **slot,
            const char  *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;

  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

/* Sets everything at once and tells of what changed. */
static void
set_result (RaDeviceName       *self,
            RaDeviceNameStatus  status,
            const char         *uid,
            const char         *error,
            gboolean            picked)
{
  g_object_freeze_notify (G_OBJECT (self));

  if (set_string (&self->uid, uid))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UID]);
  if (set_string (&self->error, error))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ERROR]);
  if (self->picked != picked)
    {
      self->picked = picked;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PICKED]);
    }
  /* Last: who follows the status finds the rest in place. */
  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
ra_device_name_pick (RaDeviceName *self,
                     const char   *uid)
{
  g_return_val_if_fail (RA_IS_DEVICE_NAME (self), FALSE);
  g_return_val_if_fail (uid != NULL, FALSE);

  if (self->candidates->len < 2)
    return FALSE;

  for (guint i = 0; i < self->candidates->len; i++)
    {
      const Candidate *candidate = &g_array_index (self->candidates, Candidate, i);

      if (g_ascii_strcasecmp (candidate->uid, uid) == 0)
        {
          set_result (self, RA_DEVICE_NAME_RESOLVED, candidate->uid, NULL, TRUE);
          return TRUE;
        }
    }

  return FALSE;
}

void
_ra_device_name_reset (RaDeviceName *self)
{
  g_return_if_fail (RA_IS_DEVICE_NAME (self));

  g_array_set_size (self->candidates, 0);
  set_result (self, RA_DEVICE_NAME_PENDING, NULL, NULL, FALSE);
}

void
_ra_device_name_set_matches (RaDeviceName       *self,
                             const char * const *uids,
                             const char * const *names,
                             guint               n)
{
  g_return_if_fail (RA_IS_DEVICE_NAME (self));

  g_array_set_size (self->candidates, 0);

  if (n == 0)
    {
      set_result (self, RA_DEVICE_NAME_NO_MATCH, NULL, NULL, FALSE);
      return;
    }

  if (n == 1)
    {
      g_autofree char *uid = g_ascii_strdown (uids[0], -1);

      set_result (self, RA_DEVICE_NAME_RESOLVED, uid, NULL, FALSE);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      Candidate candidate = { g_ascii_strdown (uids[i], -1), g_strdup (names[i]) };

      g_array_append_val (self->candidates, candidate);
    }
  set_result (self, RA_DEVICE_NAME_SEVERAL, NULL, NULL, FALSE);
}

void
_ra_device_name_set_error (RaDeviceName *self,
                           const char   *message)
{
  g_return_if_fail (RA_IS_DEVICE_NAME (self));
  g_return_if_fail (message != NULL);

  g_array_set_size (self->candidates, 0);
  set_result (self, RA_DEVICE_NAME_ERROR, NULL, message, FALSE);
}
