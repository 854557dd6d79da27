/* ra-catalogue-reader.c — turns a list-of-actions body into models
 *
 * A catalogue of 10,000 actions is some 14 MB. Building a json-glib tree
 * for it and then walking the tree takes most of the time between the
 * request and the list, so the common case, a valid catalogue, is read in
 * one pass straight into the models. The reader is deliberately narrow:
 * whatever it is not sure about, it leaves to the tree path, so that
 * every verdict and every error message stays the tree path's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ra-catalogue-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ra-catalogue-reader-private.h"
#include "ra-json-reader-private.h"
#include "ra-error.h"
#include "ra-models-private.h"

/* Reads a member name and its colon; returns the index of the name in
 * names, or -1 for a member the schema does not know (to be skipped),
 * or -2 on any problem. */
static int
read_member (RaJsonReader       *r,
             const char * const *names,
             guint               n_names)
{
  const char *name;
  gsize len;

  if (!_ra_json_reader_string (r, NULL, &name, &len) || !ra_json_reader_accept (r, ':'))
    return -2;

  for (guint i = 0; i < n_names; i++)
    {
      if (strlen (names[i]) == len && memcmp (names[i], name, len) == 0)
        return (int) i;
    }

  return -1;
}

/* Walks an object's members. For each known one, calls read with its
 * index; unknown members are skipped; a member seen twice, or one of
 * the names missing at the end, is left to the tree path. */
typedef gboolean (*MemberFunc) (RaJsonReader *r, guint index, gpointer data);

static gboolean
read_object (RaJsonReader       *r,
             const char * const *names,
             guint               n_names,
             MemberFunc          read,
             gpointer            data)
{
  guint32 seen = 0;

  if (!ra_json_reader_accept (r, '{') || ++r->depth > RA_JSON_READER_MAX_DEPTH)
    return FALSE;

  if (!ra_json_reader_accept (r, '}'))
    {
      do
        {
          int index = read_member (r, names, n_names);

          if (index == -2)
            return FALSE;
          if (index == -1)
            {
              if (!_ra_json_reader_skip (r))
                return FALSE;
              continue;
            }
          if (seen & (1u << index))
            return FALSE;
          seen |= 1u << index;
          if (!read (r, index, data))
            return FALSE;
        }
      while (ra_json_reader_accept (r, ','));

      if (!ra_json_reader_accept (r, '}'))
        return FALSE;
    }

  r->depth--;
  return seen == (1u << n_names) - 1;
}

typedef gpointer (*ItemFunc) (RaJsonReader *r);

static GListStore *
read_list (RaJsonReader *r,
           GType         item_type,
           ItemFunc      read)
{
  g_autoptr(GPtrArray) items = NULL;
  GListStore *store;

  if (!ra_json_reader_accept (r, '[') || ++r->depth > RA_JSON_READER_MAX_DEPTH)
    return NULL;

  items = g_ptr_array_new_with_free_func (g_object_unref);

  if (!ra_json_reader_accept (r, ']'))
    {
      do
        {
          gpointer item = read (r);

          if (item == NULL)
            return NULL;
          g_ptr_array_add (items, item);
        }
      while (ra_json_reader_accept (r, ','));

      if (!ra_json_reader_accept (r, ']'))
        return NULL;
    }

  r->depth--;
  store = g_list_store_new (item_type);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return store;
}

static gboolean
read_strv (RaJsonReader   *r,
           char         ***out)
{
  g_autoptr(GPtrArray) strings = NULL;

  if (!ra_json_reader_accept (r, '[') || ++r->depth > RA_JSON_READER_MAX_DEPTH)
    return FALSE;

  strings = g_ptr_array_new_with_free_func (g_free);

  if (!ra_json_reader_accept (r, ']'))
    {
      do
        {
          char *value = NULL;

          if (!_ra_json_reader_string (r, &value, NULL, NULL))
            return FALSE;
          g_ptr_array_add (strings, value);
        }
      while (ra_json_reader_accept (r, ','));

      if (!ra_json_reader_accept (r, ']'))
        return FALSE;
    }

  r->depth--;
  g_ptr_array_add (strings, NULL);
  *out = (char **) g_ptr_array_free (g_steal_pointer (&strings), FALSE);
  return TRUE;
}

/* Reads a string member into a field that must still be empty. */
static gboolean
read_field (RaJsonReader  *r,
            char         **field)
{
  return _ra_json_reader_string (r, field, NULL, NULL);
}

/* Inputs */

typedef struct
{
  char *id;
  char *name;
  char *description;
  char **options;
  gboolean used_by_windows;
  gboolean used_by_macos;
  gboolean allow_custom_value;
} InputFields;

static const char * const input_names[] = {
  "id", "name", "description", "usedByWindows", "usedByMacOs", "options", "allowCustomValue",
};

static gboolean
read_input_member (RaJsonReader *r,
                   guint         index,
                   gpointer      data)
{
  InputFields *f = data;

  switch (index)
    {
    case 0: return read_field (r, &f->id);
    case 1: return read_field (r, &f->name);
    case 2: return read_field (r, &f->description);
    case 3: return _ra_json_reader_bool (r, &f->used_by_windows);
    case 4: return _ra_json_reader_bool (r, &f->used_by_macos);
    case 5: return read_strv (r, &f->options);
    case 6: return _ra_json_reader_bool (r, &f->allow_custom_value);
    default: g_assert_not_reached ();
    }
}

static gpointer
read_input (RaJsonReader *r)
{
  InputFields f = { 0 };

  if (!read_object (r, input_names, G_N_ELEMENTS (input_names), read_input_member, &f))
    {
      g_free (f.id);
      g_free (f.name);
      g_free (f.description);
      g_strfreev (f.options);
      return NULL;
    }

  return _ra_action_input_new_take (f.id, f.name, f.description, f.options,
                                    f.used_by_windows, f.used_by_macos,
                                    f.allow_custom_value);
}

/* Outputs */

typedef struct
{
  char *id;
  char *name;
  char *output_type;
  char *description;
  gboolean used_by_windows;
  gboolean used_by_macos;
} OutputFields;

static const char * const output_names[] = {
  "id", "name", "type", "description", "usedByWindows", "usedByMacOs",
};

static gboolean
read_output_member (RaJsonReader *r,
                    guint         index,
                    gpointer      data)
{
  OutputFields *f = data;

  switch (index)
    {
    case 0: return read_field (r, &f->id);
    case 1: return read_field (r, &f->name);
    case 2: return read_field (r, &f->output_type);
    case 3: return read_field (r, &f->description);
    case 4: return _ra_json_reader_bool (r, &f->used_by_windows);
    case 5: return _ra_json_reader_bool (r, &f->used_by_macos);
    default: g_assert_not_reached ();
    }
}

static gpointer
read_output (RaJsonReader *r)
{
  OutputFields f = { 0 };

  if (!read_object (r, output_names, G_N_ELEMENTS (output_names), read_output_member, &f))
    {
      g_free (f.id);
      g_free (f.name);
      g_free (f.output_type);
      g_free (f.description);
      return NULL;
    }

  return _ra_action_output_new_take (f.id, f.name, f.output_type, f.description,
                                     f.used_by_windows, f.used_by_macos);
}

/* Actions */

static gboolean
read_purpose (RaJsonReader *r,
              RaPurpose    *out)
{
  RaPurpose purpose = RA_PURPOSE_NONE;

  if (!ra_json_reader_accept (r, '['))
    return FALSE;

  if (!ra_json_reader_accept (r, ']'))
    {
      do
        {
          const char *value;
          gsize len;

          if (!_ra_json_reader_string (r, NULL, &value, &len))
            return FALSE;
          if (len == 15 && memcmp (value, "DATA_COLLECTION", 15) == 0)
            purpose |= RA_PURPOSE_DATA_COLLECTION;
          else if (len == 11 && memcmp (value, "REMEDIATION", 11) == 0)
            purpose |= RA_PURPOSE_REMEDIATION;
          else
            return FALSE;
        }
      while (ra_json_reader_accept (r, ','));

      if (!ra_json_reader_accept (r, ']'))
        return FALSE;
    }

  *out = purpose;
  return TRUE;
}

static gboolean
read_run_as (RaJsonReader *r,
             RaRunAs      *out)
{
  const char *value;
  gsize len;

  if (!_ra_json_reader_string (r, NULL, &value, &len))
    return FALSE;

  if (len == 12 && memcmp (value, "LOCAL_SYSTEM", 12) == 0)
    *out = RA_RUN_AS_LOCAL_SYSTEM;
  else if (len == 16 && memcmp (value, "INTERACTIVE_USER", 16) == 0)
    *out = RA_RUN_AS_INTERACTIVE_USER;
  else if (len == 19 && memcmp (value, "DELEGATE_TO_SERVICE", 19) == 0)
    *out = RA_RUN_AS_DELEGATE_TO_SERVICE;
  else
    return FALSE;

  return TRUE;
}

static const char * const targeting_names[] = {
  "apiEnabled", "manualEnabled", "workflowEnabled", "manualAllowMultipleDevices",
};

static gboolean
read_targeting_member (RaJsonReader *r,
                       guint         index,
                       gpointer      data)
{
  RaRemoteActionFields *f = data;

  switch (index)
    {
    case 0: return _ra_json_reader_bool (r, &f->api_enabled);
    case 1: return _ra_json_reader_bool (r, &f->manual_enabled);
    case 2: return _ra_json_reader_bool (r, &f->workflow_enabled);
    case 3: return _ra_json_reader_bool (r, &f->manual_allow_multiple_devices);
    default: g_assert_not_reached ();
    }
}

static const char * const script_info_names[] = {
  "executionServiceDelegate", "runAs", "timeoutSeconds", "hasScriptWindows",
  "hasScriptMacOs", "inputs", "outputs",
};

static gboolean
read_script_info_member (RaJsonReader *r,
                         guint         index,
                         gpointer      data)
{
  RaRemoteActionFields *f = data;

  switch (index)
    {
    case 0:
      return read_field (r, &f->execution_service_delegate);
    case 1:
      return read_run_as (r, &f->run_as);
    case 2:
      return _ra_json_reader_uint (r, &f->timeout_seconds) && f->timeout_seconds <= G_MAXINT32;
    case 3:
      return _ra_json_reader_bool (r, &f->has_script_windows);
    case 4:
      return _ra_json_reader_bool (r, &f->has_script_macos);
    case 5:
      f->inputs = read_list (r, RA_TYPE_ACTION_INPUT, read_input);
      return f->inputs != NULL;
    case 6:
      f->outputs = read_list (r, RA_TYPE_ACTION_OUTPUT, read_output);
      return f->outputs != NULL;
    default:
      g_assert_not_reached ();
    }
}

static const char * const action_names[] = {
  "id", "uuid", "name", "description", "origin", "builtInContentVersion",
  "purpose", "targeting", "scriptInfo",
};

static gboolean
read_action_member (RaJsonReader *r,
                    guint         index,
                    gpointer      data)
{
  RaRemoteActionFields *f = data;

  switch (index)
    {
    case 0: return read_field (r, &f->id);
    case 1: return read_field (r, &f->uuid);
    case 2: return read_field (r, &f->name);
    case 3: return read_field (r, &f->description);
    case 4: return read_field (r, &f->origin);
    case 5: return read_field (r, &f->built_in_content_version);
    case 6: return read_purpose (r, &f->purpose);
    case 7:
      return read_object (r, targeting_names, G_N_ELEMENTS (targeting_names),
                          read_targeting_member, f);
    case 8:
      return read_object (r, script_info_names, G_N_ELEMENTS (script_info_names),
                          read_script_info_member, f);
    default:
      g_assert_not_reached ();
    }
}

static gpointer
read_action (RaJsonReader *r)
{
  RaRemoteActionFields f = { 0 };

  if (!read_object (r, action_names, G_N_ELEMENTS (action_names), read_action_member, &f))
    {
      _ra_remote_action_fields_clear (&f);
      return NULL;
    }

  return _ra_remote_action_new_take (&f);
}

GListStore *
_ra_catalogue_read_fast (const char *data,
                         gsize       length)
{
  RaJsonReader r = { data, data + length, 0 };
  g_autoptr(GListStore) store = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  store = read_list (&r, RA_TYPE_REMOTE_ACTION, read_action);
  if (store == NULL)
    return NULL;

  ra_json_reader_skip_ws (&r);
  if (r.p != r.end)
    return NULL;

  return g_steal_pointer (&store);
}

GListStore *
_ra_catalogue_read_tree (const char  *data,
                         gsize        length,
                         GError     **error)
{
  g_autoptr(JsonNode) root = ra_json_parse (data, length, error);

  if (root == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error_literal (error, RA_ERROR, RA_ERROR_MALFORMED_RESPONSE,
                           _("The list of remote actions from the server is not a JSON "
                             "array."));
      return NULL;
    }

  return ra_remote_action_list_from_json (root, error);
}

GListStore *
_ra_catalogue_read (const char  *data,
                    gsize        length,
                    GError     **error)
{
  GListStore *store;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  store = _ra_catalogue_read_fast (data, length);
  if (store != NULL)
    return store;

  return _ra_catalogue_read_tree (data, length, error);
}
