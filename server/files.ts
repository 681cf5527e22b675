import { open, stat } from 'node:fs/promises'
import { AppError } from './errors/index.ts'

/** The largest input file the CLI reads (the workbook guard's own limit). */
export const maxInputBytes = 50 * 1024 * 1024

/**
 * Reads an input file with its bounds checked first: a regular file only (never a FIFO, a device
 * such as /dev/zero, or a /proc file that reports no size), no larger than the limit; the bytes
 * read are capped even if the file grows meanwhile.
 */
export async function readBoundedFile(path: string, maxBytes = maxInputBytes): Promise<Uint8Array> {
  let info
  try {
    info = await stat(path)
  } catch (error) {
    const code = (error as { code?: string }).code
    throw new AppError(
      'cli/usage',
      code === 'ENOENT'
        ? `Không tìm thấy tệp / File not found: ${path}`
        : `Không đọc được tệp / Cannot read file: ${path} (${code})`,
    )
  }
  if (!info.isFile())
    throw new AppError(
      'cli/usage',
      `Không phải tệp thông thường (thư mục, thiết bị hay ống dẫn) / Not a regular file: ${path}`,
    )
  if (info.size === 0) throw new AppError('cli/usage', `Tệp rỗng / Empty file: ${path}`)
  if (info.size > maxBytes)
    throw new AppError(
      'cli/usage',
      `Tệp quá lớn (tối đa ${Math.round(maxBytes / 1024 / 1024)} MB) / File too large: ${path}`,
    )
  const handle = await open(path, 'r')
  try {
    if (!(await handle.stat()).isFile())
      throw new AppError('cli/usage', `Không phải tệp thông thường / Not a regular file: ${path}`)
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1)
    let length = 0
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length)
      if (bytesRead === 0) break
      length += bytesRead
    }
    if (length > maxBytes) throw new AppError('cli/usage', `Tệp quá lớn / File too large: ${path}`)
    return new Uint8Array(buffer.buffer, buffer.byteOffset, length)
  } finally {
    await handle.close()
  }
}
