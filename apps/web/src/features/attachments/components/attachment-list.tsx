import { FileOutlined } from '@ant-design/icons';
import { Flex, Image, Typography } from 'antd';
import { attachmentUrl, isImage, type AttachmentRef } from '../api';

/** An event's photos as thumbnails (tap to enlarge) and other files as links. */
export function AttachmentList({ items }: { items: AttachmentRef[] }) {
  if (items.length === 0) return null;
  const images = items.filter((a) => isImage(a.mime));
  const files = items.filter((a) => !isImage(a.mime));
  return (
    <Flex vertical gap={4}>
      {images.length > 0 ? (
        <Image.PreviewGroup>
          <Flex gap={6} wrap>
            {images.map((a) => (
              <Image
                key={a.id}
                src={attachmentUrl(a.id)}
                alt={a.fileName}
                width={72}
                height={72}
                style={{ objectFit: 'cover', borderRadius: 4 }}
              />
            ))}
          </Flex>
        </Image.PreviewGroup>
      ) : null}
      {files.map((a) => (
        <Typography.Link key={a.id} href={attachmentUrl(a.id)} target="_blank" rel="noreferrer">
          <FileOutlined /> {a.fileName}
        </Typography.Link>
      ))}
    </Flex>
  );
}
