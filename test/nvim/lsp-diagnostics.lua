-- A second real LSP client for the SQS language server: headless Neovim (Debian's 0.7, so the 0.7 API:
-- vim.lsp.start_client + buf_attach_client; 0.7 has no pull-diagnostics support of its own, so this script
-- sends textDocument/diagnostic itself when the server offers it, and otherwise takes pushed diagnostics).
--
-- Opens every file named in SQS_FILES (newline-separated paths), attaches one client started with
-- SQS_SERVER_CMD (newline-separated argv, e.g. node, server/out/server.js, --stdio) rooted at SQS_ROOT, and
-- waits (up to SQS_TIMEOUT_MS) until each file has diagnostics or, with SQS_EXPECT_CODE, one with that code.
-- Writes what it saw as JSON to SQS_RESULT and quits: exit 0 when the wait was satisfied, 1 otherwise.
--
--   nvim --headless --clean -n -i NONE -S test/nvim/lsp-diagnostics.lua

local function env(name, default)
  local v = os.getenv(name)
  if v == nil or v == '' then
    if default == nil then error('missing environment variable ' .. name) end
    return default
  end
  return v
end

local function lines(s)
  local out = {}
  for l in string.gmatch(s, '[^\n]+') do table.insert(out, l) end
  return out
end

local result_path = env('SQS_RESULT')
local timeout_ms = tonumber(env('SQS_TIMEOUT_MS', '30000'))
local expect_code = os.getenv('SQS_EXPECT_CODE')
local root = env('SQS_ROOT')
local result = { mode = nil, files = {}, errors = {} }

local function finish(ok)
  result.ok = ok
  local f = assert(io.open(result_path, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd(ok and 'qall!' or 'cquit! 1')
end

local function fail(msg)
  table.insert(result.errors, msg)
  finish(false)
end

local ok_run, err_run = pcall(function()
  -- Announce pull support only because this script does pull (below); push needs no announcement.
  local capabilities = vim.lsp.protocol.make_client_capabilities()
  capabilities.textDocument.diagnostic = { dynamicRegistration = false, relatedDocumentSupport = false }

  local client_id = vim.lsp.start_client({
    name = 'sqs',
    cmd = lines(env('SQS_SERVER_CMD')),
    cmd_cwd = root,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = vim.fn.fnamemodify(root, ':t') } },
    capabilities = capabilities,
    -- The server names its languages sqs-case / sqs-inspection, as VS Code does from the extension's manifest.
    get_language_id = function(bufnr)
      local name = vim.api.nvim_buf_get_name(bufnr)
      if name:match('%.case%.sqs%.ya?ml$') then return 'sqs-case' end
      if name:match('inspection%.sqs%.ya?ml$') then return 'sqs-inspection' end
      return 'yaml'
    end,
    handlers = {
      ['client/registerCapability'] = function() return vim.NIL end,
      ['workspace/diagnostic/refresh'] = function()
        result.refreshes = (result.refreshes or 0) + 1
        return vim.NIL
      end,
    },
    on_exit = function(code, signal)
      result.server_exit = { code = code, signal = signal }
    end,
  })
  if not client_id then return fail('vim.lsp.start_client returned nil') end

  local buffers = {}
  for _, file in ipairs(lines(env('SQS_FILES'))) do
    vim.cmd('edit ' .. vim.fn.fnameescape(file))
    local bufnr = vim.api.nvim_get_current_buf()
    vim.bo[bufnr].filetype = 'yaml'
    vim.lsp.buf_attach_client(bufnr, client_id)
    buffers[bufnr] = vim.uri_from_bufnr(bufnr)
  end

  local client
  local initialized = vim.wait(timeout_ms, function()
    client = vim.lsp.get_client_by_id(client_id)
    return result.server_exit ~= nil or (client ~= nil and client.initialized == true and client.server_capabilities ~= nil)
  end, 20)
  if result.server_exit then return fail('the server exited before it initialized (see lsp.log)') end
  if not initialized then return fail('the server did not initialize within ' .. timeout_ms .. ' ms') end
  result.mode = client.server_capabilities.diagnosticProvider and 'pull' or 'push'

  local function record(uri, diagnostics)
    local list = {}
    for _, d in ipairs(diagnostics) do
      table.insert(list, {
        code = d.code,
        message = d.message,
        severity = d.severity,
        source = d.source,
        line = d.range.start.line,
        character = d.range.start.character,
      })
    end
    result.files[uri] = list
  end

  local inflight = {}
  local function pull(bufnr, uri)
    if inflight[bufnr] then return end
    inflight[bufnr] = true
    client.request('textDocument/diagnostic', { textDocument = { uri = uri } }, function(err, res)
      inflight[bufnr] = false
      if err then
        table.insert(result.errors, 'textDocument/diagnostic: ' .. vim.inspect(err))
      elseif res and res.kind == 'full' then
        record(uri, res.items or {})
      end
    end, bufnr)
  end

  if result.mode == 'pull' then
    for bufnr, uri in pairs(buffers) do pull(bufnr, uri) end
  else
    -- Pushed diagnostics land in vim.diagnostic (Neovim's own publishDiagnostics handler).
    vim.api.nvim_create_autocmd('DiagnosticChanged', {
      callback = function()
        for bufnr, uri in pairs(buffers) do
          local list = {}
          for _, d in ipairs(vim.diagnostic.get(bufnr)) do
            local lsp = d.user_data and d.user_data.lsp or {}
            table.insert(list, {
              code = lsp.code or d.code,
              message = d.message,
              severity = d.severity,
              source = d.source,
              line = d.lnum,
              character = d.col,
            })
          end
          if #list > 0 then result.files[uri] = list end
        end
      end,
    })
  end

  local satisfied = vim.wait(timeout_ms, function()
    for _, uri in pairs(buffers) do
      local list = result.files[uri]
      local found = list ~= nil and expect_code == nil
      for _, d in ipairs(list or {}) do
        if d.code == expect_code then found = true end
      end
      if not found then
        -- Not there yet (the server may still be reading the workspace): pull again, as VS Code does on change.
        if result.mode == 'pull' then pull(vim.uri_to_bufnr(uri), uri) end
        return false
      end
    end
    return true
  end, 50)
  if not satisfied then
    return fail('no ' .. (expect_code or 'diagnostics') .. ' for every file within ' .. timeout_ms .. ' ms')
  end

  -- A polite shutdown, so the server's exit path is exercised as well.
  client.stop()
  vim.wait(5000, function() return result.server_exit ~= nil end, 20)
  finish(true)
end)

if not ok_run then fail('script error: ' .. tostring(err_run)) end
