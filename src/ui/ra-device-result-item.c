/* ra-device-result-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-device-result-item"

#include "config.h"

#include "ra-device-result-item.h"

struct _RaDeviceResultItem
{
  GObject           parent_instance;

  char             *device;
  char             *details;
  char             *status_text;
  RaDeviceResultKind kind;
};

G_DEFINE_FINAL_TYPE (RaDeviceResultItem, ra_device_result_item, G_TYPE_OBJECT)

static void
ra_device_result_item_finalize (GObject *object)
{
  RaDeviceResultItem *self = RA_DEVICE_RESULT_ITEM (object);

  g_free (self->device);
  g_free (self->details);
  g_free (self->status_text);

  G_OBJECT_CLASS (ra_device_result_item_parent_class)->finalize (object);
}

static void
ra_device_result_item_class_init (RaDeviceResultItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ra_device_result_item_finalize;
}

static void
ra_device_result_item_init (RaDeviceResultItem *self)
{
}

RaDeviceResultItem *
ra_device_result_item_new (const char        *device,
                           const char        *details,
                           const char        *status_text,
                           RaDeviceResultKind  kind)
{
  RaDeviceResultItem *self;

  g_return_val_if_fail (device != NULL, NULL);
  g_return_val_if_fail (kind < RA_DEVICE_RESULT_KIND_N_VALUES, NULL);

  self = g_object_new (RA_TYPE_DEVICE_RESULT_ITEM, NULL);
  self->device = g_strdup (device);
  self->details = g_strdup (details);
  self->status_text = g_strdup (status_text);
  self->kind = kind;

  return self;
}

const char *
ra_device_result_item_get_device (RaDeviceResultItem *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESULT_ITEM (self), NULL);

  return self->device;
}

const char *
ra_device_result_item_get_details (RaDeviceResultItem *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESULT_ITEM (self), NULL);

  return self->details;
}

const char *
ra_device_result_item_get_status_text (RaDeviceResultItem *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESULT_ITEM (self), NULL);

  return self->status_text;
}

RaDeviceResultKind
ra_device_result_item_get_kind (RaDeviceResultItem *self)
{
  g_return_val_if_fail (RA_IS_DEVICE_RESULT_ITEM (self), RA_DEVICE_RESULT_KIND_OTHER);

  return self->kind;
}
